/**
 * The words of the case-facts format (docs/case-facts.md), without the validator, so that the web UI
 * offers exactly the values the server accepts.
 */

export const sectors = ['telecom', 'energy', 'health', 'finance', 'education', 'public', 'retail', 'other'] as const;

export const nis2Entities = ['essential', 'important', 'none'] as const;

export const confidentialityLosses = ['none', 'known_recipients', 'unknown_recipients', 'public'] as const;

export const integrityLosses = ['none', 'recoverable', 'not_recoverable'] as const;

export const availabilityLosses = ['none', 'temporary', 'permanent'] as const;

export const breachCauses = [
  'hack',
  'ransomware',
  'malware',
  'insider',
  'lost_device',
  'stolen_device',
  'misdirected',
  'accidental_publication',
  'social_engineering',
  'unlawful_processing',
  'other',
] as const;

export const dataCategories = [
  'name',
  'address',
  'email',
  'phone',
  'birth_date',
  'gender',
  'customer_id',
  'contract_details',
  'purchase_history',
  'education_employment',
  'vehicle_registration',
  'iban',
  'payment_card',
  'financial_situation',
  'bsn',
  'id_document',
  'login_credentials',
  'password_hash',
  'location',
  'traffic_data',
  'device_id',
  'mac_address',
  'ip_address',
  'communication_content',
  'health',
  'criminal',
  'special_other',
  'children_data',
] as const;

export const vulnerableGroups = [
  'minors',
  'elderly',
  'financial_administration',
  'patients',
  'employees_in_dispute',
  'asylum_seekers',
  'victims',
  'other',
] as const;

export const protections = [
  'none',
  'encrypted_key_safe',
  'encrypted_key_compromised',
  'hashed_strong',
  'hashed_weak',
  'pseudonymised',
] as const;

export const identifiabilityLevels = ['negligible', 'limited', 'significant', 'maximum'] as const;

export const dataInsights = ['detailed', 'assumptions', 'general', 'none'] as const;

export const transferBases = ['adequacy', 'appropriate_safeguards', 'derogation', 'none', 'unknown'] as const;
