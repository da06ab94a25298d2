/** Word lists for plausible names in a Zhejiang township. Invented combinations; any likeness to a real firm is chance. */
export const COUNTY = '嵊州市';
export const COUNTY_DIVISION_CODE = '330683';

export const VILLAGES = [
  '东门村',
  '西街村',
  '开元村',
  '小昆村',
  '沃基村',
  '太平村',
  '马村',
  '水竹村',
  '福全村',
  '江东村',
  '后溪村',
  '青坛村',
] as const;

export const ZONES = ['东片', '西片', '南片', '北片'] as const;

export const PARK = '长乐镇工业园区';
export const MARKET = '长乐小商品市场';

export const WORK_GROUPS = [
  '农村东片推进组',
  '农村西片推进组',
  '农村南片推进组',
  '农村北片推进组',
  '工业园区推进组',
  '新经济组织推进组',
  '新社会组织推进组',
  '个私劳协推进组',
  '专业市场推进组',
] as const;

/** First and second characters of trade names (字号), combined freely. */
export const TRADE_FIRST = [
  '鑫',
  '华',
  '永',
  '恒',
  '金',
  '宏',
  '瑞',
  '嘉',
  '信',
  '天',
  '新',
  '盛',
  '丰',
  '佳',
  '富',
  '兴',
  '东',
  '宝',
  '德',
  '明',
  '腾',
  '海',
  '联',
  '正',
  '通',
  '凯',
  '泰',
  '浩',
  '锦',
  '昌',
  '源',
  '利',
  '顺',
  '达',
  '长',
  '越',
  '剡',
  '远',
  '万',
  '益',
] as const;
export const TRADE_SECOND = [
  '达',
  '丰',
  '盛',
  '通',
  '源',
  '泰',
  '发',
  '利',
  '昌',
  '诚',
  '峰',
  '辉',
  '润',
  '森',
  '祥',
  '隆',
  '安',
  '宇',
  '业',
  '程',
  '乐',
  '胜',
  '康',
  '美',
  '成',
  '和',
  '力',
  '豪',
  '晟',
  '鸿',
  '锋',
  '新',
  '科',
  '邦',
  '博',
  '创',
  '翔',
  '旺',
  '华',
  '兴',
] as const;

export const ENTERPRISE_TRADES = [
  { word: '机械', industry: 'C' },
  { word: '纺织', industry: 'C' },
  { word: '领带', industry: 'C' },
  { word: '电器', industry: 'C' },
  { word: '服饰', industry: 'C' },
  { word: '五金', industry: 'C' },
  { word: '塑业', industry: 'C' },
  { word: '印染', industry: 'C' },
  { word: '茶业', industry: 'C' },
  { word: '汽配', industry: 'C' },
  { word: '电机', industry: 'C' },
  { word: '化纤', industry: 'C' },
  { word: '竹木制品', industry: 'C' },
  { word: '食品', industry: 'C' },
  { word: '包装', industry: 'C' },
  { word: '模具', industry: 'C' },
  { word: '厨具', industry: 'C' },
  { word: '新材料', industry: 'C' },
  { word: '建材', industry: 'C' },
  { word: '轴承', industry: 'C' },
  { word: '建设', industry: 'E' },
  { word: '装饰工程', industry: 'E' },
  { word: '贸易', industry: 'F' },
  { word: '商贸', industry: 'F' },
  { word: '供应链', industry: 'F' },
  { word: '物流', industry: 'G' },
  { word: '运输', industry: 'G' },
  { word: '网络科技', industry: 'I' },
  { word: '信息技术', industry: 'I' },
  { word: '物业管理', industry: 'K' },
  { word: '企业管理咨询', industry: 'L' },
  { word: '人力资源', industry: 'L' },
  { word: '检测技术', industry: 'M' },
  { word: '环保科技', industry: 'N' },
  { word: '生态农业', industry: 'A' },
  { word: '农业开发', industry: 'A' },
  { word: '酒店管理', industry: 'H' },
] as const;

export const SHOP_TRADES = [
  { word: '五金店', industry: 'F' },
  { word: '副食品商店', industry: 'F' },
  { word: '服装店', industry: 'F' },
  { word: '小吃店', industry: 'H' },
  { word: '饭店', industry: 'H' },
  { word: '理发店', industry: 'O' },
  { word: '汽车修理部', industry: 'O' },
  { word: '家电维修部', industry: 'O' },
  { word: '建材经营部', industry: 'F' },
  { word: '茶叶商行', industry: 'F' },
  { word: '领带加工厂', industry: 'C' },
  { word: '农资店', industry: 'F' },
  { word: '水果店', industry: 'F' },
  { word: '超市', industry: 'F' },
  { word: '布艺店', industry: 'F' },
] as const;

export const SOCIAL_ORGS = {
  'private-non-enterprise': [
    { word: '幼儿园', industry: 'P' },
    { word: '职业技能培训学校', industry: 'P' },
    { word: '居家养老服务中心', industry: 'Q' },
    { word: '社会工作服务站', industry: 'Q' },
  ],
  'social-group': [
    { word: '领带行业协会', industry: 'S' },
    { word: '茶叶协会', industry: 'S' },
    { word: '个体劳动者协会', industry: 'S' },
    { word: '商会', industry: 'S' },
    { word: '老年体育协会', industry: 'S' },
  ],
  intermediary: [
    { word: '会计服务所', industry: 'L' },
    { word: '法律服务所', industry: 'L' },
    { word: '房产中介服务部', industry: 'L' },
  ],
} as const;

export const SURNAMES = [
  '王',
  '李',
  '张',
  '陈',
  '刘',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '林',
  '罗',
  '高',
  '钱',
  '俞',
  '裘',
  '楼',
  '袁',
  '金',
  '商',
  '竺',
  '尹',
  '丁',
] as const;
export const GIVEN_NAMES = [
  '建国',
  '国平',
  '伟',
  '芳',
  '秀英',
  '海军',
  '丽萍',
  '志强',
  '永明',
  '晓峰',
  '建军',
  '红梅',
  '立新',
  '雪芬',
  '国庆',
  '卫东',
  '美娟',
  '小军',
  '云飞',
  '伟忠',
  '金水',
  '荣根',
  '桂英',
  '明华',
  '剑锋',
  '月娥',
  '浩',
  '佳颖',
  '宇航',
  '思远',
] as const;

/** 单位职务 of cadres sent as 党建工作指导员. */
export const INSTRUCTOR_POSTS = [
  '镇党建办干事',
  '镇组织委员',
  '镇经济发展办副主任',
  '镇工会副主席',
  '镇团委书记',
  '村党委书记',
];

/** The township's 两新组织党工委 and the park's 党总支: the 属地 organisations enterprise branches report to. */
export const TWO_NEW_COMMITTEE = '中共长乐镇两新组织党工委';
export const PARK_GENERAL_BRANCH = `${PARK}党总支`;

/** Township leaders who keep 联系点 in enterprises. */
export const LEADER_POSTS = [
  '镇党委书记',
  '镇党委副书记、镇长',
  '镇党委副书记',
  '镇党委委员、组织委员',
  '镇党委委员、纪委书记',
  '镇党委委员、副镇长',
] as const;

/** 推进组 members' posts. */
export const WORK_GROUP_POSTS = ['镇党建办干事', '驻村干部', '村党委书记', '镇经济发展办科员', '镇工会干事'] as const;

export const SECRETARY_ROLES = ['副总经理', '办公室主任', '人事行政经理', '车间主任', '工会主席'] as const;
export const SECRETARY_SOURCES = ['企业管理层', '企业党员骨干', '选派'] as const;

export const MEMBER_POSTS = [
  '生产主管',
  '车间工人',
  '技术员',
  '销售经理',
  '财务',
  '办公室主任',
  '质检员',
  '仓库管理员',
  '设计师',
  '班组长',
] as const;

export const TRAINING_TITLES = [
  '全市非公企业党建工作指导员培训班',
  '“两新”组织党建工作专题培训',
  '党建指导员业务能力提升培训',
  '新时代非公企业党建实务培训',
  '发展党员工作规范化培训',
] as const;
export const TRAINING_ORGANISERS = ['市委两新工委', '市委党校', '中共长乐镇委员会', '市委组织部'] as const;

export const VISIT_CONTENTS = [
  '了解企业生产经营和党员队伍情况，宣传党建工作政策',
  '指导党组织规范开展“三会一课”和主题党日',
  '动员企业主支持党建工作，商议组建党组织事宜',
  '指导发展党员工作，与入党积极分子谈心谈话',
  '检查党建台账，指导完善党员信息',
  '了解企业用工和安全生产情况，听取意见建议',
] as const;

export const FORUM_CONTENTS = [
  '召开党员职工座谈会，听取对企业发展和党建工作的意见建议',
  '召开企业主座谈会，交流党建促发展经验',
  '组织联合党支部所属企业负责人座谈，商议共建活动',
] as const;

export const ACTIVITY_CONTENTS = [
  '开展主题党日活动：重温入党誓词',
  '组织党员志愿服务活动',
  '开展“党员示范岗”评比',
  '组织党员学习交流会',
] as const;

/** A problem an enterprise raised and how the township helped (帮扶解难). */
export const PROBLEMS = [
  { problem: '企业一线用工紧缺', resolution: '协调镇人力社保站组织专场招聘会，招聘工人' },
  { problem: '企业流动资金紧张，贷款难', resolution: '对接镇信用社开展银企对接，办理贷款' },
  { problem: '扩建厂房用地审批进度慢', resolution: '协调自然资源所加快办理用地手续' },
  { problem: '外地员工子女入学困难', resolution: '协调镇中心学校解决员工子女入学' },
  { problem: '企业用电增容', resolution: '协调供电所上门办理增容' },
  { problem: '企业周边道路破损影响运输', resolution: '协调镇城建办安排修缮' },
] as const;
