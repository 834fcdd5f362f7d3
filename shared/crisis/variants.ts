/**
 * Traditional → simplified Chinese folding for matching, so a lexicon written in simplified
 * characters also finds '詐騙' and '公司內幕'. It is a character table, not a converter: one
 * traditional code unit maps to one simplified code unit (offsets into the original text stay
 * exact), there is no phrase-level conversion (OpenCC's 'phrases' tables), and characters that are
 * also ordinary simplified characters with another meaning (著, 乾, 瞭, 藉, 祇) are left alone so
 * simplified text is not disturbed. The table holds 1204 pairs of common characters, written for
 * community chat (commerce, complaints, rumours, software) rather than exhaustively.
 */

/** Pairs of (traditional, simplified) characters, concatenated. */
const PAIRS =
  '們们這这個个說说體体質质問问題题貨货錢钱買买賣卖產产內内廣广發发現现謠谣詐诈騙骗來来時时為为會会對对國国學学後后從从見见經经開开關关長长動动進进過过還还頭头電电' +
  '話话裡里裏里點点樣样麼么麽么沒没與与東东車车實实機机義义當当無无應应將将間间業业稱称種种處处聽听讓让認认識识樂乐氣气愛爱難难輕轻傳传單单幾几邊边報报導导歡欢聲声' +
  '門门歲岁壓压紅红綠绿藍蓝黃黄號号區区醫医藥药術术華华辦办類类總总錄录記记計计設设許许論论議议語语讀读請请調调談谈證证評评試试詳详誤误誰谁課课該该變变隨随際际陽阳' +
  '陰阴陳陈離离雜杂雞鸡雙双靈灵響响順顺須须領领頁页項项預预顏颜風风飛飞飯饭飲饮館馆馬马驗验驚惊髮发鬥斗魚鱼鳥鸟麥麦黨党齊齐齒齿龍龙龜龟億亿優优價价儀仪備备傷伤僅仅' +
  '偽伪側侧倉仓侶侣係系俠侠兒儿兩两冊册剛刚則则創创劇剧劃划劉刘務务勝胜勞劳勢势勵励勸劝匯汇協协卻却厲厉參参叢丛喬乔嚴严圖图圓圆團团園园場场塊块壞坏壯壮夠够夢梦奪夺' +
  '奮奋婦妇媽妈孫孙寶宝寫写審审尋寻屆届層层屬属島岛嶺岭幣币帥帅師师帶带幫帮幹干廠厂廳厅廢废彈弹強强歸归徑径復复徵征恆恒悅悦惡恶惱恼態态慣惯慶庆憂忧憑凭懷怀戰战戲戏' +
  '戶户拋抛掃扫掛挂採采揚扬換换損损搖摇撥拨擊击據据擔担擴扩擁拥擇择擋挡擬拟敗败敵敌數数斷断於于晝昼暫暂曆历書书權权條条極极構构標标樓楼樹树橋桥檢检櫃柜歐欧歷历殺杀' +
  '殘残漢汉滿满準准減减湯汤溫温測测濟济濕湿災灾烏乌煙烟熱热燈灯燒烧營营爭争爺爷牆墙獎奖獨独獲获穫获環环畫画療疗盡尽監监盤盘確确碼码礎础禮礼禍祸積积穩稳窮穷競竞筆笔' +
  '節节範范築筑簡简簽签籃篮約约紀纪級级紙纸純纯細细終终組组結结絕绝給给統统絲丝維维網网緊紧線线練练績绩織织續续罰罚羅罗習习聞闻聯联聰聪職职肅肃腦脑膽胆臉脸舉举舊旧' +
  '艦舰藝艺蘇苏蘭兰蟲虫蠟蜡衛卫衝冲補补製制複复襲袭覺觉規规視视親亲觀观訂订訊讯訓训討讨訪访訴诉診诊註注詞词詩诗誠诚誌志誕诞諸诸諾诺謀谋謝谢講讲譯译護护讚赞贊赞豐丰' +
  '貝贝負负財财貢贡貧贫責责貴贵費费貼贴資资賀贺賓宾賠赔賞赏賢贤賬账帳账購购賽赛贈赠趕赶趙赵跡迹踐践軍军軟软較较載载輔辅輛辆輪轮輸输轉转農农連连週周遊游運运達达違违' +
  '遠远適适選选遲迟遺遗郵邮鄉乡鄰邻醜丑釋释針针鈴铃銀银銷销鋒锋鋼钢錯错鍵键鎖锁鎮镇鏡镜鐘钟鍾钟鐵铁閃闪閉闭閒闲閱阅闆板隊队階阶險险隱隐雖虽雲云靜静韓韩頂顶頓顿頻频' +
  '額额顧顾顯显飄飘餘余騎骑騰腾齡龄誇夸棄弃擾扰虧亏貶贬噁恶慘惨緩缓爛烂屍尸騷骚詢询謊谎瞞瞒偵侦償偿賺赚漲涨遞递揀拣庫库盜盗竊窃洩泄裝装繫系絡络僱雇員员傭佣罷罢鬧闹' +
  '濃浓澀涩鮮鲜燙烫麵面餅饼鴨鸭豬猪蝦虾蔥葱薑姜蘋苹檸柠滷卤鹽盐醬酱黴霉髒脏臟脏嘔呕瀉泻癢痒瘡疮張张驅驱啟启潰溃觸触螢萤憶忆儲储檔档夾夹瀏浏覽览嗎吗囉啰喲哟嘆叹歎叹' +
  '嚇吓喚唤噸吨錶表鬆松寬宽睏困夥伙劑剂勻匀嗚呜壇坛墊垫墳坟壘垒奧奥妝妆娛娱嬰婴寧宁寢寝寵宠專专尷尴屜屉嶄崭巔巅幟帜廁厕廂厢廈厦廚厨廟庙彌弥彎弯彙汇徹彻憐怜懶懒懸悬' +
  '懼惧戀恋挾挟捨舍掙挣揮挥搶抢摟搂撐撑撫抚撲扑撿捡擠挤擺摆攔拦攜携攝摄攤摊敘叙斂敛斬斩暈晕暢畅曉晓朧胧棟栋棧栈楊杨樁桩橫横檯台臺台颱台櫻樱欄栏毀毁氫氢汙污決决況况' +
  '淚泪淨净淺浅渦涡漁渔潔洁潛潜澆浇濁浊濫滥濱滨瀝沥灑洒灘滩灣湾爐炉牽牵犧牺狀状猶犹獅狮獸兽獻献瑣琐璽玺甕瓮畢毕異异疊叠瘋疯癡痴皺皱盞盏眾众衆众睜睁矯矫碩硕礙碍禦御' +
  '禪禅稅税穀谷窩窝窯窑竄窜筍笋箋笺篩筛簾帘籌筹籠笼糾纠紋纹納纳紛纷紡纺紮扎紹绍絆绊絨绒綁绑綜综綢绸緒绪編编緣缘緯纬縣县縮缩縱纵繃绷繞绕繩绳繪绘繳缴纜缆罵骂羨羡聖圣' +
  '聳耸脅胁脈脉腫肿膚肤膠胶膩腻艙舱艱艰莊庄萬万葉叶蒼苍蓋盖蓮莲蔣蒋蔭荫薦荐薩萨蘆芦蘊蕴虛虚虜虏蝕蚀螞蚂蟻蚁蠶蚕蠻蛮褲裤襪袜覓觅託托訣诀訝讶詛诅詠咏誘诱誦诵諒谅諧谐' +
  '謎谜謙谦謹谨譜谱譏讥譴谴讒谗豈岂豎竖貓猫貞贞販贩貪贪貫贯貸贷賄贿賊贼賦赋賤贱賭赌賴赖贏赢贓赃贖赎趨趋躍跃軌轨軒轩軸轴輝辉輩辈輯辑轄辖轟轰辭辞辯辩遜逊遙遥邁迈邏逻' +
  '鄭郑醞酝釀酿鈔钞鈕钮鉛铅鉤钩鈎钩銅铜銘铭鋪铺鋸锯錦锦錫锡錘锤鍊炼鍋锅鍛锻鎊镑鏈链鑑鉴鑰钥閣阁閥阀閨闺闊阔闖闯陣阵陸陆隕陨隸隶雛雏霧雾靂雳鞏巩韌韧韋韦韻韵頌颂頑顽' +
  '頒颁頗颇頸颈頹颓頰颊顆颗願愿顛颠颳刮颶飓飢饥饑饥飼饲飽饱飾饰餃饺餓饿餵喂饅馒饒饶駁驳駐驻駕驾駛驶驕骄驢驴骯肮鬍胡鬱郁魯鲁鮑鲍鯨鲸鳳凤鳴鸣鴻鸿鵝鹅鷹鹰鹼碱麗丽齋斋' +
  '龐庞佈布佔占併并侖仑倆俩倫伦偉伟傑杰傘伞債债傾倾僑侨儉俭儘尽兇凶兌兑剎刹劍剑勁劲勛勋匱匮厭厌吳吴呂吕啞哑喪丧嘩哗嘗尝嚐尝噴喷嚮向囂嚣圍围塵尘塗涂墜坠墮堕壺壶壽寿' +
  '奐奂妳你嫵妩嬌娇孃娘宮宫嶼屿巖岩幀帧並并廬庐彆别彥彦恥耻悶闷惻恻愜惬慚惭慟恸慮虑慾欲憤愤憫悯懇恳懲惩懺忏捲卷掄抡揹背搗捣摳抠撈捞撓挠撻挞擄掳擰拧擱搁擲掷攏拢攙搀' +
  '斃毙晉晋暉晖曖暧曬晒枴拐柵栅桿杆梔栀楨桢榮荣槍枪樞枢樸朴橢椭櫥橱殭僵殼壳毆殴氈毡氾泛溝沟滅灭滬沪滯滞滲渗潑泼潤润澤泽濾滤瀟潇瀾澜煉炼煩烦爾尔牘牍犢犊猙狰獄狱獰狞' +
  '瑪玛甦苏畝亩疇畴瘓痪癒愈癟瘪盃杯盧卢矚瞩礦矿祿禄禱祷稟禀穌稣窺窥竅窍箏筝篤笃簍篓籤签紉纫紐纽紓纾紗纱紳绅絃弦絹绢綏绥綱纲綴缀綸纶緝缉緞缎締缔緬缅緻致縫缝縷缕繡绣' +
  '繹绎罌罂翹翘膾脍臍脐艷艳豔艳芻刍蒞莅蕩荡蕭萧藹蔼蘿萝蛻蜕蝸蜗螄蛳蠅蝇衊蔑褸褛覦觎覬觊訃讣訛讹訟讼詆诋詫诧誡诫誣诬誹诽諂谄諷讽諺谚謄誊謗谤謾谩譁哗譎谲譚谭讕谰讖谶' +
  '貍狸貿贸賂赂賃赁賒赊賜赐贅赘贍赡踴踊蹌跄軀躯軻轲輓挽轎轿辮辫迴回逕径遷迁遼辽醃腌釘钉釣钓鈍钝鈣钙鉅巨銜衔銳锐鋁铝鍍镀鎢钨鏟铲鐲镯鑄铸鑽钻鑿凿閘闸閩闽閻阎闡阐陝陕' +
  '隴陇雋隽靚靓韁缰頃顷顱颅颼飕餒馁餚肴馮冯馴驯駱骆騾骡驟骤鬚须鯉鲤鰻鳗鱗鳞鴉鸦鴿鸽鶯莺鶴鹤鸚鹦鼕冬齣出龕龛噹当嚕噜囑嘱嚨咙嚥咽嘍喽嘮唠嗩唢嘯啸嘰叽嚀咛謂谓隻只奬奖' +
  '穢秽鑒鉴硯砚礫砾鹹咸鹵卤鈉钠衚胡懨恹蔔卜闔阖鬨哄闕阙瞼睑腎肾臚胪腸肠膿脓臘腊蠍蝎鱷鳄鯊鲨駝驼騁骋驛驿驪骊驤骧黷黩鼉鼍齜龇齟龃齬龉齷龊齪龌餞饯餡馅饋馈饞馋鯽鲫鱈鳕' +
  '鶉鹑鷗鸥鸛鹳麩麸';

const BASE = 0x4e00;
const END = 0xa000;

/** Simplified code unit per CJK Unified Ideograph (U+4E00–U+9FFF), 0 when unchanged: 41 KB, built once. */
const TABLE: Uint16Array = (() => {
  const table = new Uint16Array(END - BASE);
  for (let i = 0; i + 1 < PAIRS.length; i += 2) table[PAIRS.charCodeAt(i) - BASE] = PAIRS.charCodeAt(i + 1);
  return table;
})();

/**
 * One UTF-16 code unit folded from traditional to simplified Chinese; every other unit unchanged.
 * Pass it as LexiconMatcher's `fold` option.
 *
 * @example
 * String.fromCharCode(traditionalFold('騙'.charCodeAt(0))) // '骗'
 * traditionalFold(0x61) // 0x61
 * new LexiconMatcher([{ word: '内幕', category: 'rumour' }], { fold: traditionalFold }).test('公司內幕') // true
 */
export function traditionalFold(code: number): number {
  if (code < BASE || code >= END) return code;
  const simplified = TABLE[code - BASE] as number;
  return simplified === 0 ? code : simplified;
}

/**
 * The number of traditional characters the table folds.
 *
 * @example
 * traditionalPairCount() > 600 // true
 */
export function traditionalPairCount(): number {
  return PAIRS.length / 2;
}
