// How a partition strategy is named in tables and reports: 'key', 'random', 'salt 8', ...

export function strategyLabel(strategy: unknown): string {
  if (typeof strategy === 'object' && strategy !== null && 'salt' in strategy) return `salt ${(strategy as { salt: number }).salt}`;
  return String(strategy);
}
