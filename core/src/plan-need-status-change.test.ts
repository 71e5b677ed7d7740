import { describe, it, expect } from 'vitest';
import type { InterventionStatus } from './allocation-types.ts';
import { planNeedStatusChange } from './plan-need-status-change.ts';
import type { NeedStatusChange } from './plan-need-status-change.ts';

describe('planNeedStatusChange', () => {
  it.each<[before: InterventionStatus, after: InterventionStatus, change: NeedStatusChange | null]>([
    ['planned', 'planned', null],
    ['planned', 'in_progress', null],
    ['budgeted', 'in_progress', null],
    ['in_progress', 'completed', { from: ['open', 'planned'], to: 'addressed' }],
    ['planned', 'completed', { from: ['open', 'planned'], to: 'addressed' }],
    ['completed', 'completed', null],
    ['completed', 'in_progress', { from: ['addressed'], to: 'planned' }],
    ['completed', 'planned', { from: ['addressed'], to: 'planned' }],
    ['completed', 'cancelled', { from: ['addressed', 'planned'], to: 'open' }],
    ['in_progress', 'cancelled', { from: ['addressed', 'planned'], to: 'open' }],
    ['cancelled', 'planned', null],
  ])('%s -> %s', (before, after, change) => {
    expect(planNeedStatusChange(before, after)).toEqual(change);
  });
});
