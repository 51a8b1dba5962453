// The state-machine helper every agency shares (packages/workflow); the error keeps this agency's name here.
export { defineWorkflow, RuleError as PetitionRuleError, type Step, type Workflow, type WorkflowSpec } from '@jiefen/workflow';
