// Deep copies of page and component data. setData stores copies made in the code's own realm
// (the vm context), so `instanceof Array` keeps working there; tests get copies in their realm.

/** Constructors of one realm, used to build copies that belong to it. */
export interface RealmConstructors {
  Object: ObjectConstructor;
  Array: ArrayConstructor;
}

/** Copies plain objects and arrays deeply; other values (dates, functions) are kept as is. */
export function copyInto<T>(value: T, realm: RealmConstructors): T {
  if (Array.isArray(value)) {
    const copy = new realm.Array();
    for (const item of value) copy.push(copyInto(item, realm));
    return copy as T;
  }

  if (!isPlainObject(value)) return value;

  const copy = new realm.Object() as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) copy[key] = copyInto(item, realm);
  return copy as T;
}

/** Copies a value into the test's realm, so a later setData cannot change it. */
export function snapshot<T>(value: T): T {
  return copyInto(value, { Object, Array });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;

  const prototype = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
