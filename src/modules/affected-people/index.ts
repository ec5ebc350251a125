export {
  storeAffectedPeople,
  bulkLoadAffectedPeople,
  readAffectedPeople,
  readAffectedPerson,
  findAffectedByIdentifier,
  replaceAffectedPeopleOfSource,
  purgeAffectedPeopleOfCase,
  countAudience,
  lookupKeyOfCase,
  type CaseRef,
} from './affected-people.service.ts';
export { affectedSets, type AffectedSet, type AffectedPerson, type AffectedPersonInput, type Contact } from './affected-people.types.ts';
export { identifierHmac, deriveLookupKey, customerPostcodeIdentifier, type IdentifierKind } from './lookup-key.ts';
export type { AudienceCounts } from './affected-people.repository.ts';
