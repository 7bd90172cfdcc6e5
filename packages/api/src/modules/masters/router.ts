import { canReceive } from '../../realtime/audience';
import { streamEvents } from '../../realtime/stream';
import { procedure, router } from '../../trpc';
import {
  byIdInput,
  createCommodityInput,
  createItemInput,
  listCommoditiesInput,
  listItemsInput,
  onChangeInput,
  setActiveInput,
  updateCommodityInput,
  updateItemInput,
} from './schemas';
import * as masters from './service';

// Who may call what is declared in authorization.ts.
const read = procedure;
const write = procedure;

export const mastersRouter = router({
  commodities: read
    .input(listCommoditiesInput)
    .query(({ ctx, input }) => masters.listCommodities(ctx.deps.db, input.includeInactive)),
  commodity: read.input(byIdInput).query(({ ctx, input }) => masters.getCommodity(ctx.deps.db, input.id)),
  createCommodity: write.input(createCommodityInput).mutation(({ ctx, input }) => masters.createCommodity(ctx, input)),
  updateCommodity: write.input(updateCommodityInput).mutation(({ ctx, input }) => masters.updateCommodity(ctx, input)),
  setCommodityActive: write.input(setActiveInput).mutation(({ ctx, input }) => masters.setCommodityActive(ctx, input)),

  items: read.input(listItemsInput).query(({ ctx, input }) => masters.listItems(ctx.deps.db, input)),
  createItem: write.input(createItemInput).mutation(({ ctx, input }) => masters.createItem(ctx, input)),
  updateItem: write.input(updateItemInput).mutation(({ ctx, input }) => masters.updateItem(ctx, input)),
  setItemActive: write.input(setActiveInput).mutation(({ ctx, input }) => masters.setItemActive(ctx, input)),

  locations: read.query(({ ctx }) => masters.locationTree(ctx.deps.db)),
  organizations: read.query(({ ctx }) => masters.listOrganizations(ctx.deps.db)),

  /** Live feed of master-data changes; pass the last id seen to resume without gaps. */
  onChange: read.input(onChangeInput).subscription(({ ctx, input, signal }) =>
    streamEvents({
      db: ctx.deps.db,
      bus: ctx.deps.bus,
      topic: masters.MASTERS_TOPIC,
      lastEventId: input.lastEventId ?? null,
      accept: (event) => canReceive(ctx.actor, event),
      signal,
    }),
  ),
});
