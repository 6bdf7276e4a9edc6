import type {
  ConsiderationKind,
  DecisionMaker,
  DecisionMakerKind,
  LegalBasis,
  PlacementType,
} from './model.ts';
import { isLvu, isLvuCare, isPrivateHome } from './model.ts';

/**
 * Who may decide what in a placement (docs/decisions/0070). The committee may delegate these only to
 * a subcommittee, never to an official (30 kap. 6–7 §§ SoL (2025:400)); its chair, or another member
 * it appointed, may decide in its place only where LVU says so and the committee cannot wait
 * (30 kap. 12 §; 6, 11 och 27 §§ LVU), and must report it at the next meeting.
 */

export const decisionMatters = [
  'careInPrivateHome',
  'careInInstitution',
  'reconsideration',
  'lvuReview',
  'custodyTransferConsideration',
  'movingBanConsideration',
  'movingBanApplication',
  'temporaryMovingBan',
  'movingBanReview',
  'immediateCustody',
  'lvuCareArrangement',
  'lvuRestriction',
  'endLvuCare',
  'lvuCare',
] as const;
export type DecisionMatter = (typeof decisionMatters)[number];

interface MatterRule {
  allowed: readonly DecisionMakerKind[];
  /** The provision that limits who may decide (shown with a refusal). */
  reference: string;
}

const body = ['committee', 'subcommittee'] as const;
const urgent = [...body, 'chair'] as const;

export const matterRules: Record<DecisionMatter, MatterRule> = {
  careInPrivateHome: { allowed: body, reference: 'SoL (2025:400) 30 kap. 6 § 1' },
  // HVB, supported and protected housing under SoL: 30 kap. does not restrict the delegation.
  careInInstitution: { allowed: [...body, 'official'], reference: 'SoL (2025:400) 30 kap. 5–6 §§' },
  reconsideration: { allowed: body, reference: 'SoL (2025:400) 30 kap. 6 § 2, 7 § 5' },
  lvuReview: { allowed: body, reference: 'SoL (2025:400) 30 kap. 7 § 5' },
  custodyTransferConsideration: { allowed: body, reference: 'SoL (2025:400) 30 kap. 6 § 2, 7 § 7' },
  movingBanConsideration: { allowed: body, reference: 'SoL (2025:400) 30 kap. 6 § 3, 7 § 6' },
  movingBanApplication: { allowed: body, reference: 'SoL (2025:400) 30 kap. 7 § 11' },
  temporaryMovingBan: { allowed: [...urgent, 'court'], reference: 'SoL (2025:400) 30 kap. 7 § 11; 27 § LVU' },
  movingBanReview: { allowed: body, reference: 'SoL (2025:400) 30 kap. 7 § 12' },
  immediateCustody: { allowed: [...urgent, 'court'], reference: 'SoL (2025:400) 30 kap. 7 § 2; 6 § LVU' },
  lvuCareArrangement: { allowed: urgent, reference: 'SoL (2025:400) 30 kap. 7 § 4; 11 § LVU' },
  lvuRestriction: { allowed: body, reference: 'SoL (2025:400) 30 kap. 7 § 8' },
  endLvuCare: { allowed: body, reference: 'SoL (2025:400) 30 kap. 7 § 9' },
  lvuCare: { allowed: ['court'], reference: 'LVU (1990:52) 4 §' },
};

export type DecisionRefusal =
  | 'officialMayNotDecide'
  | 'chairMayNotDecide'
  | 'onlyTheCourtDecides'
  | 'courtDoesNotDecide';

export interface DecisionCheck {
  refusal: DecisionRefusal | null;
  /** A chair's urgent decision must be reported at the committee's next meeting. */
  reportToCommittee: boolean;
  reference: string;
}

export function checkDecisionMaker(matter: DecisionMatter, maker: DecisionMaker): DecisionCheck {
  const rule = matterRules[matter];
  const reference = rule.reference;
  if (rule.allowed.includes(maker.kind))
    return { refusal: null, reportToCommittee: maker.kind === 'chair', reference };
  const refusal: DecisionRefusal =
    matter === 'lvuCare'
      ? 'onlyTheCourtDecides'
      : maker.kind === 'official'
        ? 'officialMayNotDecide'
        : maker.kind === 'chair'
          ? 'chairMayNotDecide'
          : 'courtDoesNotDecide';
  return { refusal, reportToCommittee: false, reference };
}

/**
 * The matter of a care decision: LVU care is the court's, immediate custody the committee's, and
 * voluntary care is decided with its home (care in a private home is the committee's).
 */
export function matterOfCareDecision(basis: LegalBasis, form: PlacementType): DecisionMatter {
  if (basis === 'lvu6') return 'immediateCustody';
  return isLvuCare(basis) ? 'lvuCare' : matterOfHome(form, basis);
}

/** The matter of choosing a home: under LVU where the young person stays (11 §), under SoL by form. */
export function matterOfHome(form: PlacementType, basis: LegalBasis): DecisionMatter {
  if (isLvu(basis)) return 'lvuCareArrangement';
  return isPrivateHome(form) ? 'careInPrivateHome' : 'careInInstitution';
}

/** The matter of a consideration the committee makes (22 kap. 13, 14 och 16 §§; 13 § LVU). */
export function matterOfConsideration(kind: ConsiderationKind): DecisionMatter {
  switch (kind) {
    case 'reconsideration':
      return 'reconsideration';
    case 'lvuReview':
      return 'lvuReview';
    case 'custodyTransfer':
      return 'custodyTransferConsideration';
    case 'movingBan':
      return 'movingBanConsideration';
  }
}
