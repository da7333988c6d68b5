/**
 * Builds the grouping caches (the bilingual dictionary's shards and jieba's trimmed word list,
 * see server/src/domain/themes/lexicon.ts and chinese.ts) if they are missing, so the first
 * run, demo or test that reads Chinese text does not pay for it. Run by jest's global setup and
 * by `npm run warm`; safe to run again (it only reads the caches then).
 */
import { chineseWords } from '../server/src/domain/themes/chinese';
import { lexicon } from '../server/src/domain/themes/lexicon';

export function warmCaches(): void {
  chineseWords('预热词典缓存', lexicon());
}

if (require.main === module) warmCaches();
