// The engine's public entry: modules import the engine only from here.
export { type Clock, ControlledClock } from './clock.ts';
export { createClockHandler } from './gateway/clock-handler.ts';
