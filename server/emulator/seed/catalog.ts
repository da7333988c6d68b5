/** Believable names, places, industries and titles for the demo org. */

export const DAY = 86_400_000;

export const COUNTRIES: Array<{
  country: string;
  weight: number;
  cities: Array<[string, string | null]>;
}> = [
  {
    country: 'United States',
    weight: 28,
    cities: [
      ['New York', 'NY'],
      ['Chicago', 'IL'],
      ['San Francisco', 'CA'],
      ['Austin', 'TX'],
      ['Boston', 'MA'],
    ],
  },
  {
    country: 'United Kingdom',
    weight: 9,
    cities: [
      ['London', null],
      ['Manchester', null],
      ['Edinburgh', null],
    ],
  },
  {
    country: 'Germany',
    weight: 9,
    cities: [
      ['Frankfurt', 'HE'],
      ['Munich', 'BY'],
      ['Berlin', 'BE'],
      ['Hamburg', 'HH'],
    ],
  },
  {
    country: 'China',
    weight: 12,
    cities: [
      ['Shanghai', 'Shanghai'],
      ['Beijing', 'Beijing'],
      ['Shenzhen', 'Guangdong'],
      ['Hangzhou', 'Zhejiang'],
    ],
  },
  {
    country: 'Japan',
    weight: 9,
    cities: [
      ['Tokyo', 'Tokyo'],
      ['Osaka', 'Osaka'],
      ['Nagoya', 'Aichi'],
    ],
  },
  {
    country: 'Brazil',
    weight: 6,
    cities: [
      ['São Paulo', 'SP'],
      ['Rio de Janeiro', 'RJ'],
    ],
  },
  {
    country: 'France',
    weight: 6,
    cities: [
      ['Paris', null],
      ['Lyon', null],
    ],
  },
  { country: 'Singapore', weight: 4, cities: [['Singapore', null]] },
  {
    country: 'Australia',
    weight: 5,
    cities: [
      ['Sydney', 'NSW'],
      ['Melbourne', 'VIC'],
    ],
  },
  {
    country: 'India',
    weight: 6,
    cities: [
      ['Bengaluru', 'KA'],
      ['Mumbai', 'MH'],
    ],
  },
  {
    country: 'Canada',
    weight: 6,
    cities: [
      ['Toronto', 'ON'],
      ['Vancouver', 'BC'],
    ],
  },
];

export const INDUSTRIES: Array<[string, number, string[]]> = [
  ['Banking', 14, ['Bank', 'Bancorp', 'Financial']],
  ['Insurance', 10, ['Insurance', 'Assurance', 'Mutual']],
  ['Healthcare', 10, ['Health', 'Medical', 'Care']],
  ['Retail', 10, ['Retail', 'Stores', 'Marketplace']],
  ['Manufacturing', 12, ['Industries', 'Manufacturing', 'Works']],
  ['Technology', 14, ['Systems', 'Software', 'Labs']],
  ['Public Sector', 6, ['Agency', 'Authority', 'Services']],
  ['Telecommunications', 6, ['Telecom', 'Networks', 'Mobile']],
  ['Energy', 5, ['Energy', 'Power', 'Utilities']],
  ['Transportation', 5, ['Logistics', 'Transport', 'Freight']],
  ['Education', 4, ['University', 'Academy', 'Learning']],
  ['Media, Entertainment & Games', 4, ['Media', 'Studios', 'Games']],
];

export const NAME_A = [
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Blue Harbor',
  'Summit',
  'Red Cedar',
  'Silver Peak',
  'Golden Gate',
  'Evergreen',
  'Ironwood',
  'Crescent',
  'Pinnacle',
  'Lakeside',
  'Atlas',
  'Orion',
  'Harbor Point',
  'Redwood',
  'Meridian',
  'Cobalt',
  'Aurora',
  'Granite',
  'Sterling',
  'Horizon',
  'Keystone',
  'Riverside',
];
export const NAME_ZH = [
  '华信',
  '国泰',
  '中和',
  '东方',
  '长城',
  '瑞丰',
  '恒通',
  '金桥',
  '天元',
  '新华',
];
export const ZH_SUFFIX: Record<string, string> = {
  Banking: '银行',
  Insurance: '保险',
  Healthcare: '医疗',
  Retail: '零售',
  Manufacturing: '制造',
  Technology: '科技',
  'Public Sector': '公共服务',
  Telecommunications: '通信',
  Energy: '能源',
  Transportation: '物流',
  Education: '教育',
};

export const FIRST = [
  'Alex',
  'Maria',
  'James',
  'Priya',
  'Wei',
  'Yuki',
  'Lukas',
  'Sofia',
  'Daniel',
  'Emma',
  'Hiroshi',
  'Ana',
  'Chen',
  'Olivia',
  'Rafael',
  'Hannah',
  'Arjun',
  'Mei',
  'Thomas',
  'Camille',
];
export const LAST = [
  'Smith',
  'Garcia',
  'Müller',
  'Wang',
  'Tanaka',
  'Silva',
  'Brown',
  'Li',
  'Schmidt',
  'Kumar',
  'Sato',
  'Martin',
  'Zhang',
  'Johnson',
  'Costa',
  'Dubois',
  'Chen',
  'Wilson',
  'Nakamura',
  'Patel',
];

/** Titles, most senior first, with the committee role and side they usually play. */
export const TITLES: Array<{ title: string; role: string; ocr: string }> = [
  { title: 'Chief Information Officer', role: 'Decision Maker', ocr: 'Decision Maker' },
  { title: 'Chief Financial Officer', role: 'Economic Buyer', ocr: 'Economic Buyer' },
  { title: 'VP Engineering', role: 'Executive Sponsor', ocr: 'Executive Sponsor' },
  { title: 'Head of Information Security', role: 'Legal & Security', ocr: 'Evaluator' },
  { title: 'Enterprise Architect', role: 'Technical Evaluator', ocr: 'Technical Buyer' },
  { title: 'Procurement Manager', role: 'Procurement', ocr: 'Influencer' },
  { title: 'IT Operations Manager', role: 'Influencer', ocr: 'Influencer' },
  { title: 'Business Analyst', role: 'End User', ocr: 'Business User' },
  { title: 'Customer Service Lead', role: 'End User', ocr: 'Business User' },
];

export const STAGES = [
  'Prospecting',
  'Qualification',
  'Needs Analysis',
  'Value Proposition',
  'Proposal/Price Quote',
  'Negotiation/Review',
  'Closed Won',
  'Closed Lost',
];
