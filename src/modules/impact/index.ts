export * from './analysis.types.ts';
export { analyseDataset, AFFECTED_PEOPLE_FILE, RECORD_PERSONS_FILE } from './analyse-dataset.service.ts';
export { classifyColumn, type ColumnClassification } from './column-classifier.ts';
export { resolvePersons, type LinkGraph, type Resolution } from './person-resolution.ts';
