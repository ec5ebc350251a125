export {
  createOrganisation,
  listOrganisations,
  findControllersByName,
  getOrganisationName,
  getOrganisation,
  addProcessorToOrganisation,
  listProcessorsOfOrganisation,
  type ChangedBy,
  type OrganisationSummary,
} from './organisations.service.ts';
export { sectors, nis2Classes, locales, isTimeZone, type Sector, type Nis2Class, type Locale, type OrganisationView } from './organisations.schemas.ts';
export { registerOrganisationRoutes } from './organisations.routes.ts';
export { loadDemo, type DemoResult, type DemoAccount } from './load-demo.service.ts';
