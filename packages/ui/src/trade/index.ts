export { CurrentTerms, TermRow } from './current-terms';
export { contractValue, formatBales, formatDecimal, formatInr, formatPricePerCandy, groupIndian } from './format';
export { type Side, TurnIndicator, VersionTimeline, type VersionView } from './negotiation';
export { RankedOffers, type RankedOffersProps } from './ranked-offers';
export { ReasonField } from './reason-field';
export { type ParameterDeviationView, ScoreBadge, ScoreBreakdown, type ScoreLabel, type ScoreParts, scoreLabel } from './score';
export { AllocationBar, humanizeState, LotQuantityBar, StateBadge } from './status';
export { TradeContracts } from './trade-contracts';
export { TradeTerms } from './trade-terms';
