import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
import {
  CreateAppendAnythingModule,
  CreateAppendElementTemplatesModule,
} from 'bpmn-js-create-append-anything';
import { CloudElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import ZeebeBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';

import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import '@bpmn-io/element-template-chooser/dist/element-template-chooser.css';

/**
 * DESIGN seam 2: user tasks stay job-based. camunda-bpmn-js-behaviors adds a `zeebe:userTask`
 * to every new user task; this module, loaded after it, replaces that one behaviour with
 * nothing (a later module's service of the same name wins in diagram-js' injector), and keeps
 * the others (clean-ups, forms, call activities...).
 */
function KeepUserTasksJobBased() {}
KeepUserTasksJobBased.$inject = [] as string[];
export const JobBasedUserTasksModule = {
  createZeebeUserTaskBehavior: ['type', KeepUserTasksJobBased],
};

/** The modules of the BPMN modeler, in load order (the override after the behaviours). */
export const MODELER_MODULES = [
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  ZeebePropertiesProviderModule,
  ZeebeBehaviorsModule,
  JobBasedUserTasksModule,
  CloudElementTemplatesPropertiesProviderModule,
  ElementTemplateChooserModule,
  CreateAppendAnythingModule,
  CreateAppendElementTemplatesModule,
];

export const MODDLE_EXTENSIONS = { zeebe: zeebeModdle };

/** The Camunda version a diagram declares (modeler:executionPlatformVersion), 8.8.0 when none. */
export function declaredEngine(definitions: { get(name: string): unknown } | undefined): string {
  const version = definitions?.get('modeler:executionPlatformVersion');
  return typeof version === 'string' && version ? version : '8.8.0';
}
