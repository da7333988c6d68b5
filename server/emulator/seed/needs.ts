/**
 * The template bank of customer needs: each need has a theme name, a product area and several
 * ways account teams phrase it, in English and Chinese, so the same need reads differently from
 * account to account (what theme grouping has to see through).
 */
export interface Need {
  theme: string;
  area: string;
  terms: string;
  en: string[];
  zh: string[];
}

const n = (theme: string, area: string, terms: string, en: string[], zh: string[]): Need => ({
  theme,
  area,
  terms,
  en,
  zh,
});

export const NEEDS: Need[] = [
  n(
    'Okta single sign-on',
    'Identity',
    'okta, sso, single sign-on',
    ['SSO with Okta', 'Okta single sign-on support', 'Log in through our Okta tenant'],
    ['支持Okta单点登录', 'Okta SSO 集成'],
  ),
  n(
    'SAML 2.0 SSO with Azure AD',
    'Identity',
    'saml, azure ad, entra, sso',
    [
      'SAML SSO with Azure AD',
      'Entra ID (Azure AD) login via SAML',
      'Single sign-on using Microsoft Entra',
    ],
    ['支持Azure AD的SAML单点登录', '微软Entra ID登录'],
  ),
  n(
    'SCIM user provisioning',
    'Identity',
    'scim, provisioning, deprovisioning',
    [
      'SCIM provisioning for users and groups',
      'Automatic user deprovisioning via SCIM',
      'Sync users from our IdP with SCIM',
    ],
    ['支持SCIM用户自动开通', '通过SCIM同步用户和组'],
  ),
  n(
    'Multi-factor authentication',
    'Identity',
    'mfa, 2fa, authenticator',
    [
      'Enforce MFA for all users',
      'Two-factor authentication with authenticator apps',
      'Hardware key (FIDO2) MFA',
    ],
    ['强制多因素认证', '支持双因素身份验证'],
  ),
  n(
    'China data residency',
    'Compliance',
    'data residency, china, local hosting',
    [
      'Host our data inside mainland China',
      'China data residency for PIPL',
      'Local data centre in China',
    ],
    ['数据必须存储在中国境内', '满足个人信息保护法的数据本地化'],
  ),
  n(
    'EU data residency',
    'Compliance',
    'data residency, eu, gdpr',
    ['Keep all data in EU data centres', 'EU-only hosting for GDPR', 'Data residency in Frankfurt'],
    ['数据存放在欧盟境内', '欧盟数据驻留'],
  ),
  n(
    'Audit log export to SIEM',
    'Security',
    'audit log, siem, splunk',
    ['Stream audit logs to Splunk', 'Export audit trail to our SIEM', 'Audit events via syslog'],
    ['审计日志导出到SIEM', '将审计日志推送到Splunk'],
  ),
  n(
    'Customer-managed encryption keys',
    'Security',
    'byok, encryption, kms',
    [
      'Bring your own key (BYOK)',
      'Customer-managed keys in AWS KMS',
      'Encrypt data with our own HSM keys',
    ],
    ['支持客户自管密钥', '自带密钥加密 (BYOK)'],
  ),
  n(
    'IP allowlisting',
    'Security',
    'ip allowlist, network restriction',
    [
      'Restrict access to our IP ranges',
      'IP allowlist for the admin console',
      'Network-based access restrictions',
    ],
    ['限制只允许公司IP访问', 'IP白名单'],
  ),
  n(
    'SOC 2 Type II report',
    'Compliance',
    'soc 2, audit report, certification',
    [
      'Need your SOC 2 Type II report',
      'Annual SOC 2 attestation for vendor review',
      'Share SOC2 audit results',
    ],
    ['需要SOC 2 Type II报告', '提供SOC2审计报告'],
  ),
  n(
    'WeChat Work integration',
    'Integrations',
    'wechat work, wecom, messaging',
    [
      'Notifications in WeChat Work',
      'WeCom integration for alerts',
      'Approve tasks from WeChat Work',
    ],
    ['企业微信集成', '在企业微信里接收通知'],
  ),
  n(
    'Microsoft Teams integration',
    'Integrations',
    'teams, chat, notifications',
    ['Post alerts to Microsoft Teams', 'Teams app for approvals', 'Microsoft Teams notifications'],
    ['集成Microsoft Teams', '在Teams中推送提醒'],
  ),
  n(
    'Slack integration',
    'Integrations',
    'slack, chat, notifications',
    [
      'Slack notifications for escalations',
      'Slack app with slash commands',
      'Send daily digest to Slack',
    ],
    ['集成Slack通知', 'Slack消息提醒'],
  ),
  n(
    'SAP S/4HANA connector',
    'Integrations',
    'sap, erp, s/4hana',
    ['Connector for SAP S/4HANA', 'Sync orders with SAP', 'Two-way SAP ERP integration'],
    ['对接SAP S/4HANA', '与SAP系统双向同步'],
  ),
  n(
    'Public REST API with webhooks',
    'Platform',
    'api, webhooks, rest',
    [
      'Webhooks for record changes',
      'Public REST API for automation',
      'Event callbacks to our endpoint',
    ],
    ['提供开放API和Webhook', '数据变更回调通知'],
  ),
  n(
    'Higher API rate limits',
    'Platform',
    'api limits, throughput, rate limit',
    [
      'Raise the API rate limit',
      'We hit API throttling during month end',
      'Higher throughput for bulk API',
    ],
    ['提高API调用上限', '月底批量接口限流太严'],
  ),
  n(
    'Chinese localisation',
    'Localisation',
    'chinese, localisation, language',
    [
      'Full Simplified Chinese UI',
      'Chinese translation of the product',
      'Localise emails and reports into Chinese',
    ],
    ['界面支持简体中文', '产品全面中文化'],
  ),
  n(
    'Japanese localisation',
    'Localisation',
    'japanese, localisation, language',
    [
      'Japanese language support',
      'Translate the UI into Japanese',
      'Japanese date and name formats',
    ],
    ['支持日语界面', '日文本地化'],
  ),
  n(
    'Multi-currency reporting',
    'Analytics',
    'currency, fx, reporting',
    [
      'Report in multiple currencies',
      'Convert amounts with daily FX rates',
      'Consolidated reporting in EUR and USD',
    ],
    ['多币种报表', '按汇率换算金额'],
  ),
  n(
    'Custom report builder',
    'Analytics',
    'reports, dashboards, custom',
    [
      'Let users build their own reports',
      'Drag-and-drop report builder',
      'Custom dashboards per team',
    ],
    ['自定义报表', '可拖拽的报表设计器'],
  ),
  n(
    'Scheduled report delivery',
    'Analytics',
    'scheduled reports, email, export',
    ['Email reports on a schedule', 'Weekly PDF report to executives', 'Scheduled CSV exports'],
    ['定时发送报表', '每周自动导出报表'],
  ),
  n(
    'Offline mobile app',
    'Mobile',
    'mobile, offline, field',
    [
      'Mobile app that works offline',
      'Field teams need offline access',
      'Sync data when back online',
    ],
    ['移动端离线使用', '现场人员离线访问'],
  ),
  n(
    'Mobile push notifications',
    'Mobile',
    'mobile, push, notifications',
    [
      'Push notifications on iOS and Android',
      'Mobile alerts for approvals',
      'Push notifications for SLA breaches',
    ],
    ['手机推送通知', '移动端审批提醒'],
  ),
  n(
    'Granular role-based access',
    'Security',
    'rbac, permissions, roles',
    [
      'Field-level permissions by role',
      'Custom roles with fine-grained access',
      'Restrict record access by region',
    ],
    ['细粒度角色权限', '按区域限制数据访问'],
  ),
  n(
    'Data retention policies',
    'Compliance',
    'retention, deletion, archive',
    [
      'Automatic deletion after retention period',
      'Configurable data retention rules',
      'Archive records older than seven years',
    ],
    ['数据保留策略', '到期自动删除数据'],
  ),
  n(
    'HIPAA compliance',
    'Compliance',
    'hipaa, phi, baa',
    ['Sign a HIPAA BAA', 'HIPAA-compliant storage of PHI', 'Healthcare compliance controls'],
    ['符合HIPAA要求', '医疗数据合规'],
  ),
  n(
    'FedRAMP authorisation',
    'Compliance',
    'fedramp, government, authorisation',
    [
      'FedRAMP Moderate authorisation',
      'Government cloud deployment',
      'FedRAMP for federal agencies',
    ],
    ['需要FedRAMP认证', '政府云部署'],
  ),
  n(
    'Bulk data import',
    'Platform',
    'import, csv, migration',
    ['Import millions of records from CSV', 'Bulk migration tool', 'Faster data import'],
    ['批量导入数据', '大批量CSV导入'],
  ),
  n(
    'Sandbox environments',
    'Platform',
    'sandbox, staging, test',
    ['A full-copy sandbox for testing', 'Staging environment for UAT', 'Separate test tenant'],
    ['提供测试沙箱环境', '独立的测试租户'],
  ),
  n(
    'Accessibility (WCAG 2.1 AA)',
    'Experience',
    'accessibility, wcag, screen reader',
    ['WCAG 2.1 AA compliance', 'Screen reader support', 'Keyboard-only navigation'],
    ['符合无障碍标准', '支持读屏软件'],
  ),
  n(
    'Dark mode',
    'Experience',
    'dark mode, theme, ui',
    ['Dark mode for the web app', 'Dark theme option', 'Night mode for operators'],
    ['深色模式', '夜间主题'],
  ),
  n(
    'E-signature integration',
    'Integrations',
    'e-signature, docusign, contracts',
    [
      'DocuSign integration for contracts',
      'E-signature inside the workflow',
      'Sign quotes electronically',
    ],
    ['电子签名集成', '合同在线签署'],
  ),
  n(
    'Workflow approvals',
    'Workflow',
    'approvals, workflow, routing',
    [
      'Multi-step approval workflows',
      'Conditional approval routing',
      'Delegate approvals when out of office',
    ],
    ['多级审批流程', '条件审批路由'],
  ),
  n(
    'SLA tracking',
    'Workflow',
    'sla, escalation, timers',
    ['Track SLAs with escalation timers', 'SLA breach alerts', 'Business-hours SLA clocks'],
    ['SLA跟踪和超时提醒', '服务时效监控'],
  ),
  n(
    'AI summarisation of cases',
    'AI',
    'ai, summary, genai',
    [
      'AI summary of long case histories',
      'Generative AI case summaries',
      'Summarise customer emails with AI',
    ],
    ['用AI总结工单', '智能生成案例摘要'],
  ),
  n(
    'Private LLM hosting',
    'AI',
    'llm, private ai, on-prem model',
    [
      'Run the AI features on a private model',
      'No customer data sent to public LLMs',
      'Host the model in our own VPC',
    ],
    ['私有化部署大模型', '数据不出企业的AI'],
  ),
  n(
    'Usage-based billing export',
    'Billing',
    'billing, usage, invoices',
    ['Export usage for our billing system', 'Usage metering API', 'Invoice-ready usage reports'],
    ['导出用量用于计费', '按用量出账单'],
  ),
  n(
    'Invoice in local currency (RMB)',
    'Billing',
    'invoice, rmb, fapiao',
    ['Invoices in RMB with fapiao', 'Local invoicing in China', 'Chinese VAT invoices'],
    ['需要人民币发票', '开具增值税专用发票'],
  ),
  n(
    'On-premise deployment',
    'Platform',
    'on-premise, self-hosted, private cloud',
    [
      'Self-hosted deployment option',
      'Run it in our own data centre',
      'Private cloud installation',
    ],
    ['支持本地化部署', '私有云安装'],
  ),
  n(
    'Disaster recovery guarantees',
    'Platform',
    'disaster recovery, rpo, rto',
    ['RPO under 15 minutes', 'Documented disaster recovery with RTO 4h', 'Cross-region failover'],
    ['灾备能力保证', '跨区域容灾切换'],
  ),
];

export const QUALIFIERS = [
  'for subsidiaries',
  'for partners',
  'in APAC',
  'for EMEA',
  'for regulators',
  'for branch offices',
  'phase 2',
  'for contractors',
  'for auditors',
  'for the mobile team',
];

/** Industries and billing countries that ask for a need more often (so segments differ). */
export const AFFINITY: Record<string, string[]> = {
  'Okta single sign-on': ['Technology', 'Retail'],
  'SAML 2.0 SSO with Azure AD': ['Manufacturing', 'Public Sector'],
  'SCIM user provisioning': ['Technology'],
  'Multi-factor authentication': ['Banking', 'Insurance'],
  'China data residency': ['China'],
  'EU data residency': ['Germany', 'France', 'United Kingdom'],
  'Audit log export to SIEM': ['Banking', 'Insurance'],
  'Customer-managed encryption keys': ['Banking'],
  'IP allowlisting': ['Banking', 'Public Sector'],
  'SOC 2 Type II report': ['Technology', 'Insurance'],
  'WeChat Work integration': ['China'],
  'Microsoft Teams integration': ['Manufacturing', 'Education'],
  'Slack integration': ['Technology'],
  'SAP S/4HANA connector': ['Manufacturing', 'Energy', 'Retail'],
  'Public REST API with webhooks': ['Technology'],
  'Higher API rate limits': ['Retail', 'Technology'],
  'Chinese localisation': ['China'],
  'Japanese localisation': ['Japan'],
  'Multi-currency reporting': ['Retail', 'Transportation', 'Banking'],
  'Custom report builder': ['Insurance', 'Retail'],
  'Scheduled report delivery': ['Healthcare'],
  'Offline mobile app': ['Energy', 'Transportation', 'Healthcare'],
  'Mobile push notifications': ['Transportation'],
  'Granular role-based access': ['Healthcare', 'Public Sector'],
  'Data retention policies': ['Insurance', 'Banking'],
  'HIPAA compliance': ['Healthcare'],
  'FedRAMP authorisation': ['Public Sector'],
  'Bulk data import': ['Retail'],
  'Sandbox environments': ['Banking'],
  'Accessibility (WCAG 2.1 AA)': ['Public Sector', 'Education'],
  'Dark mode': ['Technology'],
  'E-signature integration': ['Insurance'],
  'Workflow approvals': ['Manufacturing', 'Public Sector'],
  'SLA tracking': ['Telecommunications'],
  'AI summarisation of cases': ['Telecommunications', 'Insurance'],
  'Private LLM hosting': ['Banking', 'Healthcare'],
  'Usage-based billing export': ['Telecommunications', 'Energy'],
  'Invoice in local currency (RMB)': ['China'],
  'On-premise deployment': ['Public Sector', 'Banking'],
  'Disaster recovery guarantees': ['Banking', 'Energy', 'Telecommunications'],
};

/**
 * Needs nobody has made a theme for yet, each asked for by six accounts in English and in
 * Chinese (demo sizes only): what suggested themes are for. They are outside the grouping's
 * synonym table, so their English and Chinese requests meet through the bilingual dictionary
 * alone.
 */
export const EMERGING: { need: string; name: string; description: string; zh: boolean }[] = [
  {
    need: 'Customer map',
    name: 'Map view of customer locations',
    description: 'Field reps plan their visits and want to see every customer on a map.',
    zh: false,
  },
  {
    need: 'Customer map',
    name: 'Show nearby customers on a map',
    description: 'Sales wants a map of the customers near a city to plan site visits.',
    zh: false,
  },
  {
    need: 'Customer map',
    name: 'Plot customer locations on a map',
    description: 'Regional managers want to see on a map where their customers are.',
    zh: false,
  },
  {
    need: 'Customer map',
    name: '客户地图视图',
    description: '销售希望在地图上查看附近的客户，安排上门拜访。',
    zh: true,
  },
  {
    need: 'Customer map',
    name: '在地图上显示客户位置',
    description: '区域经理想在地图上看到客户的位置。',
    zh: true,
  },
  {
    need: 'Customer map',
    name: '用地图查看附近客户',
    description: '外勤销售需要在地图上规划拜访客户的路线。',
    zh: true,
  },
  {
    need: 'Call transcripts',
    name: 'Transcribe recorded sales calls',
    description: 'Sales reps want their recorded customer calls turned into text automatically.',
    zh: false,
  },
  {
    need: 'Call transcripts',
    name: 'Automatic transcripts of customer calls',
    description: 'Managers want a transcript of every recorded sales call, as text.',
    zh: false,
  },
  {
    need: 'Call transcripts',
    name: 'Speech-to-text for call recordings',
    description: 'Turn recorded phone calls with customers into searchable text.',
    zh: false,
  },
  {
    need: 'Call transcripts',
    name: '销售电话录音转文字',
    description: '销售希望把客户电话录音自动转成文字。',
    zh: true,
  },
  {
    need: 'Call transcripts',
    name: '通话录音自动转写',
    description: '经理想要每个销售电话的文字记录。',
    zh: true,
  },
  {
    need: 'Call transcripts',
    name: '客户通话录音转录',
    description: '把和客户的电话录音转成可以搜索的文字。',
    zh: true,
  },
];
