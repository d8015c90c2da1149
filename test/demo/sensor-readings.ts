// The demo's sample data: JSON sensor readings from a seeded generator, so every run prints the same bytes.

export interface SensorReading {
  sensor: string;
  temperature: number;
  humidity: number;
}

/** A source of readings; the same seed gives the same readings in the same order. */
export function sensorReadings(seed: number): (sensor: string) => SensorReading {
  // A tiny linear congruential generator: enough for sample data, and no Math.random in what the demo prints.
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return (sensor) => ({
    sensor,
    temperature: Math.round((18 + next() * 8) * 10) / 10,
    humidity: Math.round(40 + next() * 30),
  });
}
