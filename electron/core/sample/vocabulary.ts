/** Word lists for plausible names in a Zhejiang township. Invented combinations; any likeness to a real firm is chance. */
export const COUNTY = '嵊州市';
export const COUNTY_DIVISION_CODE = '330683';

export const VILLAGES = [
  '东门村', '西街村', '开元村', '小昆村', '沃基村', '太平村',
  '马村', '水竹村', '福全村', '江东村', '后溪村', '青坛村',
] as const;

export const ZONES = ['东片', '西片', '南片', '北片'] as const;

export const PARK = '长乐镇工业园区';
export const MARKET = '长乐小商品市场';

export const WORK_GROUPS = [
  '农村东片推进组', '农村西片推进组', '农村南片推进组', '农村北片推进组', '工业园区推进组',
  '新经济组织推进组', '新社会组织推进组', '个私劳协推进组', '专业市场推进组',
] as const;

/** First and second characters of trade names (字号), combined freely. */
export const TRADE_FIRST = [
  '鑫', '华', '永', '恒', '金', '宏', '瑞', '嘉', '信', '天', '新', '盛', '丰', '佳', '富', '兴', '东', '宝', '德', '明',
  '腾', '海', '联', '正', '通', '凯', '泰', '浩', '锦', '昌', '源', '利', '顺', '达', '长', '越', '剡', '远', '万', '益',
] as const;
export const TRADE_SECOND = [
  '达', '丰', '盛', '通', '源', '泰', '发', '利', '昌', '诚', '峰', '辉', '润', '森', '祥', '隆', '安', '宇', '业', '程',
  '乐', '胜', '康', '美', '成', '和', '力', '豪', '晟', '鸿', '锋', '新', '科', '邦', '博', '创', '翔', '旺', '华', '兴',
] as const;

export const ENTERPRISE_TRADES = [
  { word: '机械', industry: 'C' }, { word: '纺织', industry: 'C' }, { word: '领带', industry: 'C' },
  { word: '电器', industry: 'C' }, { word: '服饰', industry: 'C' }, { word: '五金', industry: 'C' },
  { word: '塑业', industry: 'C' }, { word: '印染', industry: 'C' }, { word: '茶业', industry: 'C' },
  { word: '汽配', industry: 'C' }, { word: '电机', industry: 'C' }, { word: '化纤', industry: 'C' },
  { word: '竹木制品', industry: 'C' }, { word: '食品', industry: 'C' }, { word: '包装', industry: 'C' },
  { word: '模具', industry: 'C' }, { word: '厨具', industry: 'C' }, { word: '新材料', industry: 'C' },
  { word: '建材', industry: 'C' }, { word: '轴承', industry: 'C' },
  { word: '建设', industry: 'E' }, { word: '装饰工程', industry: 'E' },
  { word: '贸易', industry: 'F' }, { word: '商贸', industry: 'F' }, { word: '供应链', industry: 'F' },
  { word: '物流', industry: 'G' }, { word: '运输', industry: 'G' },
  { word: '网络科技', industry: 'I' }, { word: '信息技术', industry: 'I' },
  { word: '物业管理', industry: 'K' }, { word: '企业管理咨询', industry: 'L' }, { word: '人力资源', industry: 'L' },
  { word: '检测技术', industry: 'M' }, { word: '环保科技', industry: 'N' }, { word: '生态农业', industry: 'A' },
  { word: '农业开发', industry: 'A' }, { word: '酒店管理', industry: 'H' },
] as const;

export const SHOP_TRADES = [
  { word: '五金店', industry: 'F' }, { word: '副食品商店', industry: 'F' }, { word: '服装店', industry: 'F' },
  { word: '小吃店', industry: 'H' }, { word: '饭店', industry: 'H' }, { word: '理发店', industry: 'O' },
  { word: '汽车修理部', industry: 'O' }, { word: '家电维修部', industry: 'O' }, { word: '建材经营部', industry: 'F' },
  { word: '茶叶商行', industry: 'F' }, { word: '领带加工厂', industry: 'C' }, { word: '农资店', industry: 'F' },
  { word: '水果店', industry: 'F' }, { word: '超市', industry: 'F' }, { word: '布艺店', industry: 'F' },
] as const;

export const SOCIAL_ORGS = {
  'private-non-enterprise': [
    { word: '幼儿园', industry: 'P' }, { word: '职业技能培训学校', industry: 'P' },
    { word: '居家养老服务中心', industry: 'Q' }, { word: '社会工作服务站', industry: 'Q' },
  ],
  'social-group': [
    { word: '领带行业协会', industry: 'S' }, { word: '茶叶协会', industry: 'S' }, { word: '个体劳动者协会', industry: 'S' },
    { word: '商会', industry: 'S' }, { word: '老年体育协会', industry: 'S' },
  ],
  intermediary: [
    { word: '会计服务所', industry: 'L' }, { word: '法律服务所', industry: 'L' }, { word: '房产中介服务部', industry: 'L' },
  ],
} as const;

export const SURNAMES = [
  '王', '李', '张', '陈', '刘', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高',
  '钱', '俞', '裘', '楼', '袁', '金', '商', '竺', '尹', '丁',
] as const;
export const GIVEN_NAMES = [
  '建国', '国平', '伟', '芳', '秀英', '海军', '丽萍', '志强', '永明', '晓峰', '建军', '红梅', '立新', '雪芬', '国庆',
  '卫东', '美娟', '小军', '云飞', '伟忠', '金水', '荣根', '桂英', '明华', '剑锋', '月娥', '浩', '佳颖', '宇航', '思远',
] as const;
