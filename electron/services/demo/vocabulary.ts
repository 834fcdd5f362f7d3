/**
 * The words the demo community is made of: names, platforms and channels, message parts,
 * products, content and events of 山岚咖啡 (Shanlan Coffee), an invented specialty-coffee brand.
 * Plain data; the generator decides how often each is used.
 */

/** Platforms members are known on. `shop` carries orders; the others carry conversation. */
export const demoSources = ['wechat', 'discord', 'xiaohongshu', 'telegram', 'shop'] as const;
export type DemoSource = (typeof demoSources)[number];
export const socialSources = ['wechat', 'discord', 'xiaohongshu', 'telegram'] as const;
export type SocialSource = (typeof socialSources)[number];

/** Channels per platform, busiest first: members mostly stay in one "home" channel. */
export const channelsBySource: Record<SocialSource, readonly (readonly [string, number])[]> = {
  wechat: [
    ['咖啡爱好者1群', 5],
    ['咖啡爱好者2群', 4],
    ['手冲研习群', 2],
    ['山岚会员福利群', 3],
  ],
  discord: [
    ['#general', 5],
    ['#brewing', 3],
    ['#latte-art', 2],
    ['#events', 1],
  ],
  xiaohongshu: [
    ['笔记', 4],
    ['评论区', 3],
  ],
  telegram: [
    ['Shanlan Coffee Club', 3],
    ['Bean Swap', 1],
  ],
};

/** Where check-ins (打卡) and UGC posts land on each platform, when not the home channel. */
export const checkinChannel: Record<SocialSource, string | null> = {
  wechat: '每日打卡',
  discord: '#general',
  xiaohongshu: null,
  telegram: null,
};
export const ugcChannel: Record<SocialSource, string> = {
  wechat: '咖啡爱好者1群',
  discord: '#latte-art',
  xiaohongshu: '笔记',
  telegram: 'Shanlan Coffee Club',
};

/** Surnames with pinyin and a rough frequency weight (王 and 李 about 7% each). */
// prettier-ignore
export const surnames: readonly (readonly [string, string, number])[] = [
  ['王', 'wang', 71], ['李', 'li', 70], ['张', 'zhang', 67], ['刘', 'liu', 54], ['陈', 'chen', 45],
  ['杨', 'yang', 31], ['黄', 'huang', 22], ['赵', 'zhao', 20], ['吴', 'wu', 19], ['周', 'zhou', 19],
  ['徐', 'xu', 13], ['孙', 'sun', 13], ['马', 'ma', 12], ['朱', 'zhu', 12], ['胡', 'hu', 11],
  ['郭', 'guo', 11], ['何', 'he', 10], ['林', 'lin', 9], ['罗', 'luo', 9], ['高', 'gao', 9],
  ['郑', 'zheng', 8], ['梁', 'liang', 7], ['谢', 'xie', 6], ['宋', 'song', 6], ['唐', 'tang', 6],
  ['许', 'xu', 5], ['邓', 'deng', 5], ['冯', 'feng', 5], ['韩', 'han', 5], ['曹', 'cao', 5],
  ['曾', 'zeng', 4], ['彭', 'peng', 4], ['萧', 'xiao', 3], ['蔡', 'cai', 3], ['潘', 'pan', 3],
  ['田', 'tian', 3], ['董', 'dong', 3], ['袁', 'yuan', 3], ['于', 'yu', 3], ['叶', 'ye', 3],
  ['蒋', 'jiang', 3], ['杜', 'du', 3], ['苏', 'su', 3], ['魏', 'wei', 3], ['程', 'cheng', 3],
  ['吕', 'lv', 3], ['丁', 'ding', 2], ['沈', 'shen', 2], ['任', 'ren', 2], ['姚', 'yao', 2],
  ['卢', 'lu', 2], ['傅', 'fu', 2], ['钟', 'zhong', 2], ['姜', 'jiang', 2], ['崔', 'cui', 2],
  ['谭', 'tan', 2], ['廖', 'liao', 2], ['范', 'fan', 2], ['陆', 'lu', 2], ['金', 'jin', 2],
  ['石', 'shi', 2], ['戴', 'dai', 2], ['夏', 'xia', 2], ['邱', 'qiu', 2], ['方', 'fang', 2],
  ['侯', 'hou', 2], ['邹', 'zou', 2], ['熊', 'xiong', 2], ['孟', 'meng', 2], ['秦', 'qin', 2],
  ['白', 'bai', 2], ['江', 'jiang', 2], ['薛', 'xue', 1], ['尹', 'yin', 1], ['段', 'duan', 1],
  ['雷', 'lei', 1], ['黎', 'li', 1], ['龙', 'long', 1], ['陶', 'tao', 1], ['顾', 'gu', 1],
  ['毛', 'mao', 1], ['邵', 'shao', 1], ['欧阳', 'ouyang', 0.5], ['司马', 'sima', 0.2], ['上官', 'shangguan', 0.2],
];

/** Given names with pinyin: the popular two-character names of the 1990s–2000s and some classics. */
// prettier-ignore
export const givenNames: readonly (readonly [string, string])[] = [
  ['子涵', 'zihan'], ['欣怡', 'xinyi'], ['浩然', 'haoran'], ['梓萱', 'zixuan'], ['宇轩', 'yuxuan'],
  ['雨桐', 'yutong'], ['思远', 'siyuan'], ['嘉怡', 'jiayi'], ['俊杰', 'junjie'], ['诗涵', 'shihan'],
  ['一诺', 'yinuo'], ['晨曦', 'chenxi'], ['明轩', 'mingxuan'], ['佳琪', 'jiaqi'], ['文博', 'wenbo'],
  ['雅静', 'yajing'], ['志强', 'zhiqiang'], ['丽娟', 'lijuan'], ['晓峰', 'xiaofeng'], ['婷婷', 'tingting'],
  ['伟', 'wei'], ['静', 'jing'], ['磊', 'lei'], ['敏', 'min'], ['洋', 'yang'],
  ['芳', 'fang'], ['杰', 'jie'], ['娜', 'na'], ['涛', 'tao'], ['颖', 'ying'],
  ['秀英', 'xiuying'], ['建华', 'jianhua'], ['海燕', 'haiyan'], ['国强', 'guoqiang'], ['晓明', 'xiaoming'],
  ['梦琪', 'mengqi'], ['若曦', 'ruoxi'], ['子墨', 'zimo'], ['沐阳', 'muyang'], ['语嫣', 'yuyan'],
  ['天佑', 'tianyou'], ['书瑶', 'shuyao'], ['思彤', 'sitong'], ['博文', 'bowen'], ['昊天', 'haotian'],
  ['可馨', 'kexin'], ['心怡', 'xinyi'], ['家豪', 'jiahao'], ['梓涵', 'zihan'], ['雨泽', 'yuze'],
  ['皓轩', 'haoxuan'], ['紫琳', 'zilin'], ['嘉欣', 'jiaxin'], ['振宇', 'zhenyu'], ['美玲', 'meiling'],
  ['佳慧', 'jiahui'], ['鹏', 'peng'], ['超', 'chao'], ['琳', 'lin'], ['倩', 'qian'],
  ['瑶', 'yao'], ['斌', 'bin'], ['宁', 'ning'], ['亮', 'liang'], ['慧', 'hui'],
  ['雪', 'xue'], ['帆', 'fan'], ['欣然', 'xinran'], ['思琪', 'siqi'], ['浩宇', 'haoyu'],
  ['若彤', 'ruotong'], ['安琪', 'anqi'], ['逸飞', 'yifei'], ['子轩', 'zixuan'], ['奕辰', 'yichen'],
  ['佳怡', 'jiayi'], ['文静', 'wenjing'], ['晓雯', 'xiaowen'], ['立新', 'lixin'], ['春燕', 'chunyan'],
];

/** Nicknames people pick on WeChat and 小红书 instead of their names. */
export const chineseNicknames: readonly string[] = [
  'Momo',
  '糖糖',
  '橘子汽水',
  '一只咖啡豆',
  '早八续命人',
  '燕麦拿铁不加糖',
  '慢半拍',
  '手冲小白',
  '豆子收集者',
  '晴天',
  '大白',
  '阿珍',
  '不加糖',
  '咖啡因过敏也要喝',
  '南山南',
  '今天也要元气满满',
  '拿铁去冰',
  '小鹿',
  '奶泡控',
  '周末去探店',
  '一杯澳白',
  '山间晨雾',
];

export const latinFirstNames: readonly string[] = [
  'Emma',
  'Lucas',
  'Olivia',
  'Ethan',
  'Mia',
  'Leo',
  'Chloe',
  'Ryan',
  'Grace',
  'Kevin',
  'Lily',
  'Jason',
  'Amy',
  'Daniel',
  'Sophie',
  'Max',
  'Iris',
  'Tony',
  'Vivian',
  'Eric',
  'Hannah',
  'Jack',
  'Zoe',
  'Oscar',
  'Ivy',
  'Felix',
  'Nina',
  'Sam',
  'Cindy',
  'Alex',
  'Bella',
  'Henry',
  'Ella',
  'Leon',
  'Ruby',
  'Victor',
  'Cathy',
  'Ben',
  'Luna',
  'David',
];

export const latinSurnames: readonly string[] = [
  'Chen',
  'Wong',
  'Lee',
  'Lin',
  'Liu',
  'Tan',
  'Ng',
  'Huang',
  'Yang',
  'Zhang',
  'Ho',
  'Lau',
  'Smith',
  'Brown',
  'Garcia',
  'Kim',
  'Park',
  'Sato',
  'Nguyen',
  'Martin',
  'Müller',
  'Rossi',
  'Silva',
  'Cohen',
];

/** Handles coffee people give themselves. */
export const coffeeNicknames: readonly string[] = [
  'latte_lover',
  'beanhunter',
  'pourover_pete',
  'flatwhite_fan',
  'moka_mia',
  'coldbrew_kid',
  'espresso_eddie',
  'cortado_club',
  'v60_vibes',
  'crema_queen',
  'aeropress_al',
  'decaf_dan',
  'bean_there',
  'grindhouse',
  'oatmilk_only',
  'cafe_au_lait',
  'drip_daily',
  'roast_ranger',
];

export const chineseEmailDomains: readonly (readonly [string, number])[] = [
  ['qq.com', 5],
  ['163.com', 3],
  ['126.com', 1],
  ['foxmail.com', 1],
  ['gmail.com', 1],
  ['outlook.com', 1],
];
export const latinEmailDomains: readonly (readonly [string, number])[] = [
  ['gmail.com', 5],
  ['outlook.com', 2],
  ['icloud.com', 2],
  ['hotmail.com', 1],
  ['qq.com', 1],
];
export const mobilePrefixes: readonly string[] = [
  '138',
  '139',
  '136',
  '150',
  '151',
  '158',
  '186',
  '188',
  '177',
  '135',
  '137',
  '159',
];

/** Interest tags on member profiles. */
export const memberTags: readonly string[] = [
  '手冲',
  '意式',
  '冷萃',
  '拿铁控',
  '豆子收藏',
  '拉花',
  '门店常客',
  '挂耳党',
  '燕麦奶',
];

// ——— message parts ———

/** Statements: opener + body + tail. */
export const zhStatementOpeners: readonly string[] = [
  '',
  '',
  '',
  '今天',
  '刚刚',
  '分享一下：',
  '早安☀️ ',
  '终于',
  '周末',
];
export const zhStatements: readonly string[] = [
  '用V60冲了耶加雪菲，花香很明显',
  '新到的云南保山豆子很好喝',
  '拿铁拉花拉出了一颗心',
  '试了冷萃配椰子水，太绝了',
  '门店的燕麦拿铁是我的续命水',
  '杯测会学到了好多风味词',
  '磨豆机调细了一格，酸度刚好',
  '发现澳白的奶泡比拿铁薄一点，更喜欢',
  '下午一杯冰美式，工作效率翻倍',
  '买的哥伦比亚慧兰有焦糖和坚果味',
  '第一次用爱乐压，意外地简单',
  '家里的咖啡角布置好了',
  '收到新包装的豆子，很好看',
  '挂耳用 90 度水慢慢冲，比想象中好喝',
];
export const zhStatementTails: readonly string[] = [
  '',
  '',
  '',
  '～',
  '！',
  '☕',
  '😄',
  '，推荐给大家',
  '，哈哈',
  '👍',
  '。',
];
/** Questions: opener + body + tail. */
export const zhQuestionOpeners: readonly string[] = ['', '', '请问', '大家好，', '想问下，', '新人求助：'];
export const zhQuestions: readonly string[] = [
  '有人试过摩卡壶吗',
  '手冲水温大家一般用多少度',
  '挂耳咖啡怎么冲比较好喝',
  '周六的线下活动还有名额吗',
  '积分可以换滤纸吗',
  '浅烘和中烘大家更喜欢哪个',
  '磨豆机大家都用什么刻度',
  '这周的豆子测评什么时候发',
];
export const zhQuestionTails: readonly string[] = ['？', '？', '？', '？求推荐', '？谢谢～', '🤔'];
export const zhComplaints: Record<'delivery' | 'product' | 'service', readonly string[]> = {
  delivery: [
    '快递又延迟了，等了五天还没到',
    '双十一买的豆子到现在还没发货',
    '物流信息三天没更新了，有人一样吗',
    '发货太慢了，说好48小时发的',
    '收到的时候冷萃液都不冰了',
  ],
  product: [
    '拿铁今天有点酸，不太满意',
    '这批豆子烘焙度好像不稳定',
    '咖啡豆包装破了，撒了一半',
    '新包装的挂耳没有以前香',
    '美式偏苦，和上次不一样',
  ],
  service: ['客服回复太慢了', '会员积分怎么又清零了，没有提前通知', '优惠券用不了，问了客服也没解决'],
};

export const enStatementOpeners: readonly string[] = [
  '',
  '',
  '',
  'Today ',
  'Just now: ',
  'Finally! ',
  'Weekend update: ',
];
export const enStatements: readonly string[] = [
  'brewed the Yirgacheffe on my V60, so floral',
  'the new Yunnan beans are lovely',
  'my latte art worked, got a heart',
  'cold brew with coconut water is amazing',
  'the oat latte at the store is my fuel',
  'the Colombian has caramel and nutty notes',
  'the AeroPress is easier than I thought',
  'my home coffee corner is set up',
];
export const enStatementTails: readonly string[] = ['', '', '!', ' ☕', ' :)', ' 🙌', '.'];
export const enQuestionOpeners: readonly string[] = ['', '', 'Quick question: ', 'Hi all, ', 'New here: '];
export const enQuestions: readonly string[] = [
  'has anyone tried the moka pot',
  'what water temperature do you use for pour-over',
  'is there space left for the Saturday cupping',
  'light roast or medium, what do you prefer',
  'which grind setting do you use for drip bags',
];
export const enQuestionTails: readonly string[] = ['?', '?', '? Thanks!', '? 🤔'];
/** The current complaint wave's messages: one defect, said many ways (zh and en, as the groups are mixed). */
export const leakComplaints: readonly string[] = [
  '新到的冷萃瓶盖漏液，整箱都湿了，太失望了',
  '冷萃一打开就漏，瓶盖拧不紧，要求退款',
  '同一批冷萃都漏液了，有人一样吗？差评',
  '冷萃漏液，外箱都泡烂了，客服还没回复',
  '刚收到的冷萃又漏了，这质量问题谁负责',
  '漏液的冷萃怎么退款？等了半天没人理',
  "My cold brew bottles are leaking, the caps don't seal. Want a refund",
  'Second box of cold brew leaked everywhere, really disappointed',
];

export const enComplaints: Record<'delivery' | 'product' | 'service', readonly string[]> = {
  delivery: [
    'delivery was late again',
    'my order still has not shipped',
    'tracking has not updated in three days',
    'the cold brew arrived warm',
  ],
  product: [
    'the latte tasted a bit sour today, not happy',
    'my beans arrived with a torn bag',
    'this batch seems over-roasted',
  ],
  service: ['support took two days to reply', 'my coupon does not work at checkout'],
};

/** Short replies; each ends in punctuation so a sentence can follow. */
export const zhReplies: readonly string[] = [
  '同意！',
  '+1，我也觉得。',
  '试试研磨细一点～',
  '水温 92 度左右就好。',
  '哈哈哈真的！',
  '求链接！',
  '收藏了！',
  '谢谢分享！',
  '我也遇到过。',
  '周六见～',
];
export const enReplies: readonly string[] = [
  'Agreed!',
  '+1.',
  'Try a finer grind.',
  'About 92°C works for me.',
  'Same here!',
  'Thanks for sharing!',
  'See you Saturday!',
  'Link please?',
];
export const zhUgcPrefixes: readonly string[] = [
  '【打卡分享】',
  '#今日咖啡# ',
  '#山岚咖啡# ',
  '【手冲记录】',
  '【探店】',
];
export const enUgcPrefixes: readonly string[] = ['My brew today: ', 'Setup share: ', '#ShanlanCoffee ', 'Cafe visit: '];
export const reactions: readonly string[] = ['👍', '❤️', '☕', '😂', '👏', '🔥', '😋', '🙌'];

export const eventNames: readonly string[] = [
  '周六杯测会 · 静安店',
  '手冲入门课 · 线上直播',
  '拉花体验营 · 徐汇店',
  '云南产区分享会',
  '会员开放日 · 烘焙工坊',
  'Latte Art Throwdown · 杭州',
];

export const zhSurveyComments: Record<'promoter' | 'passive' | 'detractor', readonly string[]> = {
  promoter: ['豆子新鲜，社群氛围很好', '活动很用心，会推荐给朋友', '客服和群主都很热情', '性价比高，一直回购'],
  passive: ['整体还行，希望多些新品', '味道不错，就是发货有点慢', '活动挺好，时间不太方便'],
  detractor: ['发货太慢，体验不好', '最近几次品质不稳定', '积分规则太复杂'],
};
export const enSurveyComments: Record<'promoter' | 'passive' | 'detractor', readonly string[]> = {
  promoter: ['Fresh beans and a friendly community', 'Great events, would recommend', 'Always reorder, good value'],
  passive: ['Good overall, would like more new beans', 'Tasty, shipping a bit slow'],
  detractor: ['Shipping is too slow', 'Quality has been inconsistent lately'],
};
export const favouriteDrinks: readonly string[] = ['燕麦拿铁', '冰美式', '手冲', '澳白', '冷萃', '摩卡', '卡布奇诺'];

/** Shop products: unit price in CNY. Order amounts stay within ¥25–300. */
export const products: readonly (readonly [string, number])[] = [
  ['挂耳咖啡 10片装', 49],
  ['精品咖啡豆 250g', 88],
  ['冷萃咖啡液 6杯装', 59],
  ['意式拼配豆 500g', 128],
  ['手冲滤纸 100张', 25],
  ['山岚定制马克杯', 68],
  ['燕麦奶 1L', 29],
  ['节日礼盒', 268],
  ['囤豆套装', 199],
];

/** Editorial content: title, pillar, format, origin, channel, owner. */
export const contentPlan: readonly (readonly [
  string,
  'basic' | 'advanced' | 'cocreation',
  'video' | 'audio' | 'text' | 'activity',
  'ugc' | 'pgc',
  string,
  string,
])[] = [
  ['手冲入门直播', 'basic', 'video', 'pgc', '视频号', '小岚'],
  ['每周咖啡豆测评：埃塞俄比亚耶加雪菲', 'advanced', 'text', 'pgc', '公众号', '阿杰'],
  ['拉花教学短视频：爱心与郁金香', 'basic', 'video', 'pgc', '小红书', 'Mia'],
  ['会员共创：我的家庭咖啡角', 'cocreation', 'text', 'ugc', '小红书', '小岚'],
  ['冷萃制作全攻略', 'basic', 'text', 'pgc', '公众号', '阿杰'],
  ['咖啡师访谈播客 第12期', 'advanced', 'audio', 'pgc', '小宇宙', 'Mia'],
  ['周末杯测会报名', 'advanced', 'activity', 'pgc', '微信群', '小岚'],
  ['云南产区探访 vlog', 'advanced', 'video', 'pgc', '视频号', '阿杰'],
  ['用户故事：从速溶到手冲', 'cocreation', 'text', 'ugc', '公众号', 'Mia'],
  ['每周咖啡豆测评：哥伦比亚慧兰', 'advanced', 'text', 'pgc', '公众号', '阿杰'],
  ['摩卡壶使用误区', 'basic', 'video', 'pgc', '小红书', '小岚'],
  ['新品燕麦拿铁试饮招募', 'cocreation', 'activity', 'pgc', '微信群', 'Mia'],
  ['咖啡与甜点搭配图文', 'basic', 'text', 'ugc', '小红书', '小岚'],
  ['手冲参数大家说（UGC 征集）', 'cocreation', 'activity', 'ugc', 'Discord', 'Mia'],
  ['咖啡渣再利用小妙招', 'basic', 'text', 'ugc', '小红书', '阿杰'],
  ['每周咖啡豆测评：云南保山小粒', 'advanced', 'text', 'pgc', '公众号', '阿杰'],
  ['磨豆机选购指南', 'advanced', 'video', 'pgc', 'B站', '小岚'],
  ['线下快闪店活动预告', 'basic', 'activity', 'pgc', '微信群', 'Mia'],
  ['会员问答：咖啡因与睡眠', 'basic', 'audio', 'pgc', '小宇宙', '阿杰'],
];

/** One seasonal item per part of the year, so the plan around "now" fits the calendar. */
export const seasonalContent: readonly (readonly [months: readonly number[], title: string, campaign: string])[] = [
  [[9, 10, 11], '双十一囤豆指南', '双十一囤豆节'],
  [[12, 1, 2], '春节礼盒开箱', '春节礼盒'],
  [[3, 4, 5, 6], '618 好物清单', '618 年中好物'],
  [[7, 8], '夏日冷萃特辑', '夏日冷萃季'],
];
