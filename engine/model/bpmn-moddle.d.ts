// bpmn-moddle 10 ships types for its model (`bpmn-moddle/types`) but none for its entry point.
declare module 'bpmn-moddle' {
  /** A problem moddle recovered from while reading (it reads in lax mode). */
  export interface ImportWarning {
    message: string;
    element?: { $type: string; id?: string };
    property?: string;
    value?: string;
  }

  export interface ParseResult<T> {
    rootElement: T;
    warnings: ImportWarning[];
  }

  export interface BpmnModdleInstance {
    fromXML<T = unknown>(xml: string): Promise<ParseResult<T>>;
  }

  /** Not a constructor: call it, with extension packages keyed by prefix. */
  export function BpmnModdle(packages?: Record<string, unknown>): BpmnModdleInstance;
}
