/**
 * DOM reads and writes through the prototypes, for the sanitisers' walks over parsed bodies: a
 * `<form>` in an inert document shadows its own properties with its controls (`<input
 * name="parentNode">`), which must not steer a walk.
 */
export interface Dom {
  parent(node: Node): Node | null;
  next(node: Node): Node | null;
  first(node: Node): Node | null;
  nodeType(node: Node): number;
  name(element: Element): string;
  namespace(element: Element): string | null;
  attribute(element: Element, name: string): string | null;
  attributes(element: Element): Attr[];
  attributeCount(element: Element): number;
  attributeNames(element: Element): string[];
  select(element: Element, selectors: string): Element[];
  remove(node: Node): void;
  replace(node: Node, replacement: Node): void;
}

let dom: Dom | undefined;

type Unbound = (this: unknown, ...args: unknown[]) => unknown;

export function domAccess(): Dom {
  if (dom) return dom;
  const own = (proto: object, key: string, kind: 'get' | 'value'): Unbound => {
    const descriptor = Object.getOwnPropertyDescriptor(proto, key);
    const found: unknown = descriptor ? Reflect.get(descriptor, kind) : undefined;
    if (typeof found !== 'function') throw new Error(`No ${key} on the DOM prototypes`);
    return found as Unbound;
  };
  const parentNode = own(Node.prototype, 'parentNode', 'get');
  const nextSibling = own(Node.prototype, 'nextSibling', 'get');
  const firstChild = own(Node.prototype, 'firstChild', 'get');
  const nodeType = own(Node.prototype, 'nodeType', 'get');
  const removeChild = own(Node.prototype, 'removeChild', 'value');
  const replaceChild = own(Node.prototype, 'replaceChild', 'value');
  const localName = own(Element.prototype, 'localName', 'get');
  const namespaceURI = own(Element.prototype, 'namespaceURI', 'get');
  const attributes = own(Element.prototype, 'attributes', 'get');
  const getAttribute = own(Element.prototype, 'getAttribute', 'value');
  const getAttributeNames = own(Element.prototype, 'getAttributeNames', 'value');
  const querySelectorAll = own(Element.prototype, 'querySelectorAll', 'value');
  dom = {
    parent: (node) => parentNode.call(node) as Node | null,
    next: (node) => nextSibling.call(node) as Node | null,
    first: (node) => firstChild.call(node) as Node | null,
    nodeType: (node) => nodeType.call(node) as number,
    name: (element) => localName.call(element) as string,
    namespace: (element) => namespaceURI.call(element) as string | null,
    attribute: (element, name) => getAttribute.call(element, name) as string | null,
    attributes: (element) => [...(attributes.call(element) as NamedNodeMap)],
    attributeCount: (element) => (attributes.call(element) as NamedNodeMap).length,
    attributeNames: (element) => getAttributeNames.call(element) as string[],
    select: (element, selectors) => [...(querySelectorAll.call(element, selectors) as NodeListOf<Element>)],
    remove(node) {
      const parent = parentNode.call(node) as Node | null;
      if (parent) removeChild.call(parent, node);
    },
    replace(node, replacement) {
      const parent = parentNode.call(node) as Node | null;
      if (parent) replaceChild.call(parent, replacement, node);
    },
  };
  return dom;
}
