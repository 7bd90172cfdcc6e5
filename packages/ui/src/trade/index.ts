export { contractValue, formatBales, formatDecimal, formatInr, formatPricePerCandy, groupIndian } from './format';
export { type Side, TurnIndicator, VersionTimeline, type VersionView } from './negotiation';
export { type ParameterDeviationView, ScoreBadge, ScoreBreakdown, type ScoreLabel, type ScoreParts, scoreLabel } from './score';
export { AllocationBar, humanizeState, LotQuantityBar, StateBadge } from './status';
