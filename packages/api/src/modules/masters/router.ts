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

export const mastersRouter = router({
  commodities: procedure
    .input(listCommoditiesInput)
    .query(({ ctx, input }) => masters.listCommodities(ctx.deps.db, input.includeInactive)),
  commodity: procedure.input(byIdInput).query(({ ctx, input }) => masters.getCommodity(ctx.deps.db, input.id)),
  createCommodity: procedure.input(createCommodityInput).mutation(({ ctx, input }) => masters.createCommodity(ctx, input)),
  updateCommodity: procedure.input(updateCommodityInput).mutation(({ ctx, input }) => masters.updateCommodity(ctx, input)),
  setCommodityActive: procedure.input(setActiveInput).mutation(({ ctx, input }) => masters.setCommodityActive(ctx, input)),

  items: procedure.input(listItemsInput).query(({ ctx, input }) => masters.listItems(ctx.deps.db, input)),
  createItem: procedure.input(createItemInput).mutation(({ ctx, input }) => masters.createItem(ctx, input)),
  updateItem: procedure.input(updateItemInput).mutation(({ ctx, input }) => masters.updateItem(ctx, input)),
  setItemActive: procedure.input(setActiveInput).mutation(({ ctx, input }) => masters.setItemActive(ctx, input)),

  locations: procedure.query(({ ctx }) => masters.locationTree(ctx.deps.db)),
  organizations: procedure.query(({ ctx }) => masters.listOrganizations(ctx.deps.db)),

  /** Live feed of master-data changes; pass the last id seen to resume without gaps. */
  onChange: procedure.input(onChangeInput).subscription(({ ctx, input, signal }) =>
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
