// The bpmn.io packages below ship no TypeScript types; the designer uses them through the
// few members named where they are used.
declare module 'bpmn-js-properties-panel';
declare module 'bpmn-js-element-templates';
declare module 'bpmn-js-create-append-anything';
declare module '@bpmn-io/element-template-chooser';
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud';
declare module 'bpmn-js-differ';
declare module 'dmn-js/lib/Modeler';
declare module 'dmn-js/lib/Viewer';
declare module 'zeebe-bpmn-moddle/resources/zeebe.json';
