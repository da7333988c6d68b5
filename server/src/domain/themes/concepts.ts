/**
 * The domain-synonym layer: a small table of enterprise-software terms (English, Chinese, some
 * Japanese and German) mapped to shared concept tokens, for synonyms no dictionary pairs up
 * (SSO / SAML / 单点登录, xlsx / spreadsheet / Excel) and for Japanese and German, which have no
 * lexicon yet. It is not the bridge between languages: the bilingual dictionaries of
 * lexicon.ts are. A concept token is added next to the words it was read from, never instead
 * of them, and only unambiguous phrases are listed (an everyday word such as "restore" or
 * "alert" mapped to a concept glued unrelated requests together).
 *
 * Each concept: its display label and the surface forms that express it. Latin forms are
 * matched on lower-cased, stemmed word sequences (so "exports"/"exporting" match "export");
 * CJK forms are matched as substrings before segmentation.
 */
export interface Concept {
  token: string;
  label: string;
  latin: string[];
  cjk: string[];
}

const C = (token: string, label: string, latin: string[], cjk: string[]): Concept => ({
  token,
  label,
  latin,
  cjk,
});

export const CONCEPTS: readonly Concept[] = [
  C(
    'sso',
    'SSO',
    ['sso', 'single sign on', 'single sign-on', 'singlesignon', 'saml', 'einmalanmeldung'],
    ['单点登录', '單點登錄', '单点登陆', 'シングルサインオン'],
  ),
  C(
    'export',
    'export',
    ['export', 'exportieren', 'download as'],
    ['导出', '匯出', '導出', 'エクスポート', '出力'],
  ),
  C(
    'import',
    'import',
    ['import', 'importieren', 'upload from', 'bulk load'],
    ['导入', '匯入', '導入', 'インポート', '取り込'],
  ),
  C('excel', 'Excel', ['excel', 'xlsx', 'spreadsheet', 'csv'], ['表格文件', 'エクセル']),
  C('pdf', 'PDF', ['pdf'], []),
  C(
    'report',
    'report',
    ['report', 'reporting', 'bericht', 'berichte'],
    ['报表', '報表', '报告', 'レポート', '帳票'],
  ),
  C('dashboard', 'dashboard', ['dashboard'], ['仪表板', '仪表盘', '儀表板', 'ダッシュボード']),
  C('api', 'API', ['api', 'rest api', 'endpoint', 'schnittstelle'], ['接口', '介面']),
  C('webhook', 'webhooks', ['webhook', 'event callback'], ['回调', 'ウェブフック', 'コールバック']),
  C(
    'rate_limit',
    'API limits',
    ['rate limit', 'throttling', 'throttle', 'api quota', 'api limit'],
    ['限流', '调用次数', '调用上限', 'レート制限'],
  ),
  C(
    'integration',
    'integration',
    ['integration', 'integrate', 'connector', 'integrieren'],
    ['集成', '整合', '对接', '連携', '統合'],
  ),
  C(
    'audit',
    'audit log',
    ['audit log', 'audit trail', 'audit', 'prüfprotokoll', 'protokoll'],
    ['审计日志', '审计', '審計', '監査ログ', '監査'],
  ),
  C(
    'permission',
    'permissions',
    ['permission', 'access control', 'role based', 'rbac', 'berechtigung'],
    ['权限', '權限', '権限', 'アクセス制御'],
  ),
  C(
    'mobile',
    'mobile',
    ['mobile', 'ios', 'android', 'smartphone', 'phone app', 'mobil'],
    ['移动', '手机', '移動', 'モバイル', 'スマホ'],
  ),
  C(
    'offline',
    'offline',
    ['offline', 'without internet', 'no connectivity'],
    ['离线', '離線', 'オフライン'],
  ),
  C(
    'invoice',
    'invoice',
    ['invoice', 'invoicing', 'billing', 'rechnung', 'rechnungen'],
    ['发票', '發票', '請求書'],
  ),
  C(
    'encryption',
    'encryption',
    ['encryption', 'encrypt', 'byok', 'customer managed key', 'verschlüsselung'],
    ['加密', '暗号化'],
  ),
  C(
    'residency',
    'data residency',
    ['data residency', 'residency', 'data locality', 'datenresidenz'],
    ['数据驻留', '数据本地化', '資料駐留', 'データレジデンシー', '国内保存'],
  ),
  C(
    'languages',
    'localisation',
    ['localization', 'localisation', 'translation', 'multilingual', 'lokalisierung'],
    ['本地化', '多语言', '多語言', '翻訳', '多言語'],
  ),
  C('chinese', 'Chinese', ['chinese', 'mandarin'], ['中文', '汉语', '中国語']),
  C('china', 'China', ['china', 'mainland china', 'prc'], ['中国', '中国大陆']),
  C('eu', 'EU', ['eu', 'europe', 'european union', 'european'], ['欧盟', '欧洲', 'ヨーロッパ']),
  C('push', 'push notifications', ['push notification', 'push alert'], ['推送', 'プッシュ']),
  C('japanese', 'Japanese', ['japanese'], ['日文', '日语', '日本語']),
  C(
    'approval',
    'approval workflow',
    ['approval workflow', 'approval process', 'genehmigung', 'freigabe'],
    ['审批', '審批', '承認'],
  ),
  C(
    'notification',
    'notifications',
    ['notification', 'benachrichtigung'],
    ['通知', '提醒', '提醒', 'アラート'],
  ),
  C('email', 'email', ['email', 'e-mail'], ['邮件', '郵件', 'メール']),
  C('search', 'search', ['search', 'suche'], ['搜索', '搜尋', '检索', '検索']),
  C(
    'schedule',
    'scheduling',
    ['scheduled report', 'scheduled export', 'zeitplan'],
    ['定时', '排程', 'スケジュール', '定期'],
  ),
  C('backup', 'backup', ['backup', 'sicherung'], ['备份', '備份', 'バックアップ']),
  C(
    'mfa',
    'MFA',
    ['mfa', '2fa', 'two factor', 'multi factor', 'zwei faktor'],
    ['双因素', '多因素', '二要素', '多要素'],
  ),
  C(
    'sandbox',
    'sandbox',
    ['sandbox', 'test environment', 'staging'],
    ['沙盒', '沙箱', '测试环境', 'サンドボックス'],
  ),
  C(
    'performance',
    'performance',
    ['performance', 'latency', 'langsam'],
    ['性能', '太慢', '遅い', 'パフォーマンス'],
  ),
  C('calendar', 'calendar', ['calendar', 'outlook', 'kalender'], ['日历', '日曆', 'カレンダー']),
  C('chat', 'chat', ['microsoft teams'], ['钉钉', '聊天', 'チャット']),
  C('slack', 'Slack', ['slack'], []),
  C('wechat', 'WeChat', ['wechat', 'weixin', 'wecom'], ['企业微信', '微信']),
  C(
    'signature',
    'e-signature',
    ['esignature', 'e-signature', 'electronic signature', 'docusign', 'unterschrift'],
    ['电子签名', '電子簽名', '電子署名'],
  ),
  C(
    'currency',
    'multi-currency',
    [
      'multi currency',
      'multicurrency',
      'currency',
      'currencies',
      'exchange rate',
      'währung',
      'währungen',
    ],
    ['多币种', '币种', '汇率', '多通貨', '通貨'],
  ),
  C('tax', 'tax', ['tax', 'vat', 'gst', 'steuer'], ['税', '增值税', '税金']),
  C('dark', 'dark mode', ['dark mode', 'dark theme'], ['深色模式', '暗黑模式', 'ダークモード']),
  C(
    'accessibility',
    'accessibility',
    ['accessibility', 'screen reader', 'wcag', 'barrierefreiheit'],
    ['无障碍', '無障礙', 'アクセシビリティ'],
  ),
  C(
    'custom_field',
    'custom fields',
    ['custom field', 'custom fields', 'custom attribute'],
    ['自定义字段', '自訂欄位', 'カスタム項目'],
  ),
  C(
    'bulk',
    'bulk edit',
    ['bulk edit', 'mass update', 'mass edit', 'bulk update'],
    ['批量编辑', '批量修改', '一括編集', '一括更新'],
  ),
  C(
    'ip',
    'IP allowlist',
    ['ip allowlist', 'ip whitelist', 'ip restriction', 'ip range'],
    ['ip白名单', 'ip 白名单', '白名单', 'ip制限'],
  ),
  C(
    'retention',
    'data retention',
    ['data retention', 'retention policy', 'aufbewahrung'],
    ['保留期限', '数据保留', '保存期間'],
  ),
  C(
    'gdpr',
    'GDPR / privacy',
    ['gdpr', 'privacy', 'dsgvo', 'right to be forgotten'],
    ['隐私', '個人情報', '个人信息保护'],
  ),
  C('sla', 'SLA', ['sla', 'uptime'], ['服务等级', '可用性', '稼働率']),
];

/** Concept labels by token, for readable names and terms. */
export const CONCEPT_LABEL: ReadonlyMap<string, string> = new Map(
  CONCEPTS.map((c) => [`#${c.token}`, c.label]),
);
