import { useState } from 'react';
import type { Incident } from '../../../../shared/crisis';
import { roleLabel } from '../../crisis/labels';
import { assignRole } from '../../crisis/mutations';
import { useActor } from '../../crisis/useActor';
import { useT } from '../../i18n';
import { attempt } from '../../stores/errors';

/** Who holds each role; a change is saved when the field is left. */
export function RolesEditor({ incident }: { incident: Incident }) {
  const t = useT();
  const roles = [...new Set([...Object.keys(incident.assignees), ...incident.actions.map((a) => a.role)])];
  if (roles.length === 0) return null;
  return (
    <section className="cr-section" aria-labelledby="cr-roles-title" data-testid="incident-roles">
      <h3 id="cr-roles-title">{t('crisis.roles.title')}</h3>
      <div className="cr-roles">
        {roles.map((role) => (
          <RoleField
            key={`${role}:${incident.assignees[role] ?? ''}`}
            incident={incident}
            role={role}
            label={roleLabel(t, role)}
            readOnly={incident.status !== 'open'}
          />
        ))}
      </div>
    </section>
  );
}

function RoleField({
  incident,
  role,
  label,
  readOnly,
}: {
  incident: Incident;
  role: string;
  label: string;
  readOnly: boolean;
}) {
  const t = useT();
  const actor = useActor();
  const saved = incident.assignees[role] ?? '';
  const [person, setPerson] = useState(saved);
  const id = `cr-role-${role}`;

  async function save() {
    if (person.trim() === saved) return;
    await attempt(() => assignRole({ incidentId: incident.id, role, person: person.trim(), actor: actor() }));
  }

  return (
    <div className="field cr-role">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        value={person}
        maxLength={64}
        readOnly={readOnly}
        placeholder={t('crisis.roles.unassigned')}
        data-testid="role-assignee"
        data-role={role}
        onChange={(e) => setPerson(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
        }}
      />
    </div>
  );
}
