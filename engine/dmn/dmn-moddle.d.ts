// dmn-moddle 12 ships no types. Only what parse.ts reads is declared.
declare module 'dmn-moddle' {
  /** A moddle element: `$type` plus the properties of its DMN type. */
  export interface DmnElement {
    $type: string;
    id?: string;
    name?: string;
    [property: string]: unknown;
  }

  export interface ImportWarning {
    message: string;
    element?: { $type: string; id?: string };
  }

  export interface ParseResult {
    rootElement: DmnElement;
    warnings: ImportWarning[];
  }

  export interface DmnModdleInstance {
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
  }

  /** Not a constructor: call it. */
  export function DmnModdle(packages?: Record<string, unknown>): DmnModdleInstance;
}
