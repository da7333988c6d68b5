/**
 * Builds the grouping caches (the bilingual dictionary's shards and jieba's trimmed word list,
 * see server/src/language/lexicon.ts and chinese.ts) if they are missing, so the first
 * run, demo or test that reads Chinese text does not pay for it. Run by jest's global setup and
 * by hand (`npx tsx scripts/warm-caches.ts`); safe to run again (it only reads the caches then).
 */
import { prepareGrouping } from '../server/src/domain/themes/group';

export function warmCaches(): void {
  prepareGrouping();
}

if (require.main === module) warmCaches();
