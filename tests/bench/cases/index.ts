/** Every benchmark case, in the order they run. Add a case: write a module here, list it below. */
import type { BenchCase } from '../types';
import { demoGeneration } from './demo-generation';
import { importThroughput } from './import';
import { memberEngines } from './members';
import { dashboard } from './dashboard';
import { crisisScan } from './scan';
import { report } from './report';
import { renderer } from './renderer';

export const cases: readonly BenchCase[] = [
  demoGeneration,
  memberEngines,
  dashboard,
  report,
  crisisScan,
  importThroughput,
  renderer,
];
