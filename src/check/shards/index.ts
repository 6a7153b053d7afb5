/** Shards of a full gradient check (`options.shard`) and their merge into the whole check's report. */
export { type Compared, comparedCoordinates, shardNote } from './shard.js';
export { mergeShardReports } from './merge.js';
export { type ShardReport, requireShards } from './validate.js';
export { reviveReport } from './revive.js';
