/** Crisis data of the open workspace, keyed by its path so a switch refetches. */
import { hearth } from '../api';
import { useQuery } from '../data/useQuery';

/** The status board: colours, alerts, incidents, playbooks, the sentiment line, the last scan. */
export const useCrisisBoard = (workspacePath: string) =>
  useQuery(`crisis/board:${workspacePath}`, () => hearth.call('crisis/board', {}));

/** One incident with its actions, timeline and post-mortem. */
export const useIncident = (workspacePath: string, id: number) =>
  useQuery(`crisis/incident:${workspacePath}:${id}`, () => hearth.call('crisis/incidents/get', { id }));

export const useAlertRules = (workspacePath: string) =>
  useQuery(`crisis/rules:${workspacePath}`, () => hearth.call('crisis/rules/list', {}));

export const useCrisisLexicon = (workspacePath: string) =>
  useQuery(`lexicon:${workspacePath}`, () => hearth.call('lexicon/get', {}));
