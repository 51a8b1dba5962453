// The state-machine helper every agency shares (packages/workflow); the error keeps this agency's name here.
export { defineWorkflow, RuleError as CourtRuleError, type Step, type Workflow, type WorkflowSpec } from '@jiefen/workflow';
