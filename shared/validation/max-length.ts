import type { z } from 'zod';

/**
 * The longest text a schema accepts at a form path (`person.nameRu.surname`, `documents.0.number`), so a form
 * can stop typing at the limit (`maxLength`) instead of refusing the text on save. Wrappers (optional,
 * nullable, default, a transform's input) are looked through; a path that is not a bounded string gives
 * undefined.
 */
interface SchemaNode {
  def: { type: string; innerType?: SchemaNode; in?: SchemaNode; element?: SchemaNode };
  shape?: Record<string, SchemaNode>;
  maxLength?: number | null;
}

function unwrap(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let i = 0; current && i < 20; i++) {
    const { type, innerType, in: input } = current.def;
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(type) && innerType) current = innerType;
    else if (type === 'pipe' && input) current = input;
    else return current;
  }
  return current;
}

export function maxLengthAt(schema: z.ZodType, path: string): number | undefined {
  let node: SchemaNode | undefined = schema as unknown as SchemaNode;
  for (const segment of path.split('.')) {
    node = unwrap(node);
    if (!node) return undefined;
    if (node.def.type === 'object') node = node.shape?.[segment];
    else if (node.def.type === 'array') node = node.def.element;
    else return undefined;
  }
  node = unwrap(node);
  return node?.def.type === 'string' && typeof node.maxLength === 'number' ? node.maxLength : undefined;
}
