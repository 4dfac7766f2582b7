// Small text helpers shared by the templates.

/** Turns "order-list" or "orderList" into "Order list", for page titles. */
export function titleOf(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** Joins lines into file content that ends with a newline. */
export function lines(...content: string[]): string {
  return `${content.join('\n')}\n`;
}
