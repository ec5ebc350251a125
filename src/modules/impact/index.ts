export * from './analysis.types.ts';
export { analyseDataset, AFFECTED_PEOPLE_FILE, RECORD_PERSONS_FILE } from './analyse-dataset.service.ts';
export { classifyColumn, type ColumnClassification } from './column-classifier.ts';
export { resolvePersons, type LinkGraph, type Resolution } from './person-resolution.ts';
export { PERSONAL_DATA_CATEGORIES, type PersonalDataCategory } from './recognizers/index.ts';
export { registerAnalysesRoutes } from './analyses.routes.ts';
export { analyseDatasetJob, runAnalysis } from './analyses.job.ts';
export { latestImpactFigures, queueAnalysis } from './analyses.service.ts';
export { analyseFileForCase } from './analyses.service.ts';
