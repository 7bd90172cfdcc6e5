import type { QualityParameter } from './schema/masters';

/** Reference data of DOMAIN §3. Pure data: the seed inserts what is missing. */
export const COTTON_TEMPLATE: QualityParameter[] = [
  {
    name: 'staple_length',
    label: 'Staple length',
    unit: 'mm',
    kind: 'numeric',
    min: 22,
    max: 36,
    step: 0.5,
    weight: 1.0,
    mandatory: true,
  },
  {
    name: 'micronaire',
    label: 'Micronaire',
    unit: 'µg/inch',
    kind: 'numeric',
    min: 3.0,
    max: 5.5,
    step: 0.1,
    weight: 1.0,
    mandatory: true,
  },
  {
    name: 'strength',
    label: 'Strength',
    unit: 'g/tex',
    kind: 'numeric',
    min: 20,
    max: 35,
    step: 0.5,
    weight: 0.8,
    mandatory: true,
  },
  { name: 'trash', label: 'Trash', unit: '%', kind: 'numeric', min: 0, max: 5, step: 0.1, weight: 0.6, mandatory: true },
  { name: 'moisture', label: 'Moisture', unit: '%', kind: 'numeric', min: 0, max: 12, step: 0.1, weight: 0.5, mandatory: true },
  {
    name: 'uniformity',
    label: 'Uniformity',
    unit: '%',
    kind: 'numeric',
    min: 77,
    max: 86,
    step: 0.5,
    weight: 0.4,
    mandatory: false,
  },
  {
    name: 'elongation',
    label: 'Elongation',
    unit: '%',
    kind: 'numeric',
    min: 4,
    max: 8,
    step: 0.1,
    weight: 0.3,
    mandatory: false,
  },
  {
    name: 'rd',
    label: 'Reflectance (Rd)',
    unit: '',
    kind: 'numeric',
    min: 65,
    max: 85,
    step: 0.5,
    weight: 0.3,
    mandatory: false,
  },
  {
    name: 'plus_b',
    label: 'Yellowness (+b)',
    unit: '',
    kind: 'numeric',
    min: 6,
    max: 14,
    step: 0.1,
    weight: 0.3,
    mandatory: false,
  },
  {
    name: 'colour_grade',
    label: 'Colour grade',
    unit: '',
    kind: 'grade',
    min: null,
    max: null,
    step: null,
    weight: 0.3,
    mandatory: false,
    grades: ['11-1', '21-1', '31-1', '41-1', '51-1'],
  },
];

type Item = { code: string; name: string; days?: number };

export const MASTER_LISTS: Record<string, Item[]> = {
  VARIETY: [
    { code: 'SHANKAR_6', name: 'Shankar-6' },
    { code: 'DCH_32', name: 'DCH-32' },
    { code: 'BRAHMA', name: 'Brahma' },
    { code: 'SUVIN', name: 'Suvin' },
    { code: 'MCU_5', name: 'MCU-5' },
    { code: 'J_34', name: 'J-34' },
    { code: 'BUNNY', name: 'Bunny' },
  ],
  TRADE_TYPE: [
    { code: 'PURCHASE', name: 'Purchase' },
    { code: 'SALE', name: 'Sale' },
  ],
  BARGAIN_TYPE: [
    { code: 'FOB', name: 'FOB' },
    { code: 'FOR', name: 'FOR' },
    { code: 'CIF', name: 'CIF' },
  ],
  PASSING_TERM: [
    { code: 'LAB_REPORT', name: 'Lab Report' },
    { code: 'VISUAL_INSPECTION', name: 'Visual Inspection' },
  ],
  WEIGHTMENT_TERM: [
    { code: 'SELLER', name: 'Seller' },
    { code: 'BUYER', name: 'Buyer' },
    { code: 'THIRD_PARTY', name: 'Third Party' },
  ],
  DELIVERY_TERM: [
    { code: 'EX_GIN', name: 'Ex-Gin', days: 0 },
    { code: 'EX_WAREHOUSE', name: 'Ex-Warehouse', days: 7 },
    { code: 'EX_STATION', name: 'Ex-Station', days: 15 },
    { code: 'DOOR_DELIVERY', name: 'Door Delivery', days: 30 },
    { code: 'FOR', name: 'FOR', days: 5 },
  ],
  PAYMENT_TERM: [
    { code: 'ADVANCE', name: 'Advance', days: 0 },
    { code: 'AGAINST_DELIVERY', name: 'Against Delivery', days: 0 },
    { code: 'CREDIT_30', name: 'Credit 30 days', days: 30 },
    { code: 'CREDIT_60', name: 'Credit 60 days', days: 60 },
    { code: 'CREDIT_90', name: 'Credit 90 days', days: 90 },
  ],
  CERTIFICATE_TYPE: [
    'ORGANIC',
    'NPOP',
    'GOTS',
    'OCS',
    'FAIR_TRADE',
    'BCI',
    'OEKO_TEX',
    'ISO_9001',
    'ISO_14001',
    'GRS',
    'RCS',
    'REGENERATIVE',
    'OTHER',
  ].map((code) => ({ code, name: code.replace('_', ' ') })),
};

type Station = { name: string; lat: number; lng: number };
type StateSeed = { gstCode: string; name: string; regions: Record<string, Station[]> };

export const LOCATIONS: StateSeed[] = [
  {
    gstCode: '24',
    name: 'Gujarat',
    regions: {
      Saurashtra: [
        { name: 'Rajkot', lat: 22.3039, lng: 70.8022 },
        { name: 'Amreli', lat: 21.6032, lng: 71.2221 },
      ],
      'North Gujarat': [
        { name: 'Kadi', lat: 23.299, lng: 72.332 },
        { name: 'Ahmedabad', lat: 23.0225, lng: 72.5714 },
      ],
    },
  },
  {
    gstCode: '27',
    name: 'Maharashtra',
    regions: {
      Vidarbha: [
        { name: 'Akola', lat: 20.7002, lng: 77.0082 },
        { name: 'Yavatmal', lat: 20.3899, lng: 78.1307 },
      ],
      Khandesh: [{ name: 'Jalgaon', lat: 21.0077, lng: 75.5626 }],
      Marathwada: [{ name: 'Aurangabad', lat: 19.8762, lng: 75.3433 }],
    },
  },
  {
    gstCode: '36',
    name: 'Telangana',
    regions: {
      'North Telangana': [
        { name: 'Adilabad', lat: 19.6641, lng: 78.532 },
        { name: 'Warangal', lat: 17.9689, lng: 79.5941 },
      ],
    },
  },
  {
    gstCode: '37',
    name: 'Andhra Pradesh',
    regions: {
      'Coastal Andhra': [{ name: 'Guntur', lat: 16.3067, lng: 80.4365 }],
      Rayalaseema: [{ name: 'Kurnool', lat: 15.8281, lng: 78.0373 }],
    },
  },
  {
    gstCode: '29',
    name: 'Karnataka',
    regions: {
      'North Karnataka': [
        { name: 'Raichur', lat: 16.212, lng: 77.3439 },
        { name: 'Hubli', lat: 15.3647, lng: 75.124 },
      ],
    },
  },
  {
    gstCode: '23',
    name: 'Madhya Pradesh',
    regions: {
      Nimar: [{ name: 'Khargone', lat: 21.823, lng: 75.61 }],
      Malwa: [{ name: 'Indore', lat: 22.7196, lng: 75.8577 }],
    },
  },
  {
    gstCode: '08',
    name: 'Rajasthan',
    regions: {
      'North Rajasthan': [{ name: 'Sri Ganganagar', lat: 29.9038, lng: 73.8772 }],
      Mewar: [{ name: 'Bhilwara', lat: 25.3407, lng: 74.6313 }],
    },
  },
  { gstCode: '03', name: 'Punjab', regions: { 'Malwa (Punjab)': [{ name: 'Bathinda', lat: 30.211, lng: 74.9455 }] } },
  { gstCode: '06', name: 'Haryana', regions: { 'Western Haryana': [{ name: 'Sirsa', lat: 29.5349, lng: 75.028 }] } },
  {
    gstCode: '33',
    name: 'Tamil Nadu',
    regions: {
      Kongu: [
        { name: 'Coimbatore', lat: 11.0168, lng: 76.9558 },
        { name: 'Tiruppur', lat: 11.1085, lng: 77.3411 },
      ],
    },
  },
  { gstCode: '21', name: 'Odisha', regions: { 'South Odisha': [{ name: 'Rayagada', lat: 19.1712, lng: 83.4163 }] } },
];

/** Default values of admin-editable settings (DOMAIN marks them "(setting)"). */
export const DEFAULT_SETTINGS: Record<string, unknown> = {
  'session.idleMinutes': 30,
  'session.absoluteHours': 12,
  'session.warningMinutes': 5,
  'subUser.max': 2,
  'trade.validityDays': 7,
  'offer.validityHours': 48,
  'offer.inactivityHours': 48,
  'document.maxBytes': 5 * 1024 * 1024,
  'document.linkMinutes': 60,
  'approval.expiryDays': 30,
  'approval.requiredApprovals': 1,
  'approval.subUsers': false,
  'approval.highValueTradeInr': 0,
  'certification.expiringDays': 90,
  'kyc.graceDays': 30,
  'matching.weightQuality': 45,
  'matching.weightPrice': 35,
  'matching.weightLocation': 10,
  'matching.weightTerms': 10,
  'matching.labelBest': 90,
  'matching.labelGood': 75,
  'matching.labelAverage': 60,
  'matching.preMatchNotify': 5,
  'notification.perUserPerMinute': 1,
  'auth.partnerOtp': false,
  'auth.firstSignInPasswordChange': true,
  'password.minLength': 12,
  'password.maxLength': 128,
  'password.requireUpper': false,
  'password.requireLower': false,
  'password.requireDigit': false,
  'password.requireSymbol': false,
  'password.historySize': 5,
  // 0 = passwords never expire (the default); an admin may set e.g. 90.
  'password.maxAgeDays': 0,
  'lockout.threshold': 5,
  'lockout.baseMinutes': 15,
  'rateLimit.signInPerMinute': 5,
  'rateLimit.signInPerHour': 20,
  'rateLimit.passwordResetPerHour': 3,
  'rateLimit.registrationPerHour': 5,
  'rateLimit.apiPerUserPerMinute': 100,
  'rateLimit.apiPerPartnerPerMinute': 1000,
  'rateLimit.wsMessagesPerSecond': 20,
};

export const DEMO_PASSWORD = 'KapasDemo#2026';

export const DEMO_STAFF = [
  { email: 'admin@kapas.local', name: 'Asha Admin', role: 'SUPER_ADMIN' },
  { email: 'ops@kapas.local', name: 'Omkar Operations', role: 'OPERATIONS' },
  { email: 'compliance@kapas.local', name: 'Chitra Compliance', role: 'COMPLIANCE' },
  { email: 'support@kapas.local', name: 'Sunil Support', role: 'SUPPORT' },
  { email: 'auditor@kapas.local', name: 'Anil Auditor', role: 'AUDITOR' },
];

export const DEMO_PARTNERS = [
  {
    legalName: 'Saurashtra Spinning Mills Pvt Ltd',
    tradeName: 'Saurashtra Mills',
    businessType: 'BUYER',
    pan: 'AABCS1234K',
    gstin: '24AABCS1234K1ZM',
    user: { email: 'buyer@saurashtra-mills.example', name: 'Bhavesh Patel', mobile: '+919824000001' },
  },
  {
    legalName: 'Vidarbha Ginning Industries Pvt Ltd',
    tradeName: 'Vidarbha Ginning',
    businessType: 'SELLER',
    pan: 'AAFCV5678L',
    gstin: '27AAFCV5678L1ZJ',
    user: { email: 'seller@vidarbha-ginning.example', name: 'Sachin Deshmukh', mobile: '+919822000002' },
  },
  {
    legalName: 'Deccan Cotton Traders Pvt Ltd',
    tradeName: 'Deccan Cotton',
    businessType: 'TRADER',
    pan: 'AAGFD9012M',
    gstin: '36AAGFD9012M1Z9',
    user: { email: 'trader@deccan-cotton.example', name: 'Tirupati Rao', mobile: '+919848000003' },
  },
];
