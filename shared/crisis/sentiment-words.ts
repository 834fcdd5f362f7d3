/**
 * The sentiment scorer's word lists (shared/crisis/sentiment.ts reads them once per scorer).
 * Written for community chat about coffee, e-commerce and software, in simplified Chinese and
 * English; traditional spellings are folded to simplified before matching, and full-width
 * letters and capitals are folded too, so each word is listed once in lower case.
 *
 * Format: one group per line, `weight: word | word | …`. Cue weights are the strength of one
 * occurrence (≈1 mild, 2 strong); modifier weights multiply the next cue; negator weights scale
 * the flip. Fixed phrases are listed as their own entries, because the longest match wins:
 * '不错' is positive although '不' negates and '错' is negative, '差点' (almost) is not '差'.
 */

/** Positive cues. */
export const positiveWords = `
2.5: 无限回购 | 强烈推荐 | 物超所值 | 物美价廉 | yyds | 五星好评 | 满分 | 超级好喝 | top notch | 10/10 | 5/5
2.2: 好喝 | 好吃 | 完美 | 绝了 | 爱了 | 真香 | 太好了 | 太棒了 | 惊艳 | 没得说 | 牛逼 | 神仙 | excellent | fantastic | amazing | awesome | outstanding | superb | brilliant | delicious | perfect | perfectly | gorgeous | incredible | five stars | 5 stars | exceptional | phenomenal | flawless
2: 好评 | 回购 | 推荐 | 喜欢 | 满意 | 惊喜 | 给力 | 棒 | 优秀 | 贴心 | 暖心 | 靠谱 | 赞 | 点赞 | 爱上 | 超爱 | 必买 | 安利 | 幸福 | 感动 | 好用 | 佩服 | 厉害 | 良心 | love | loved | loves | loving | great | recommend | recommended | recommending | favourite | favorite | wonderful | lovely | impressed | impressive | beautiful | tasty | yummy | best | happy | delighted | kudos | enjoyed | enjoy | enjoying | worth it | glad | pleased | satisfied | excited | can't wait | cant wait
1.6: truly great | like a charm | 好看 | 好闻 | 好香 | 开心 | 高兴 | 值得 | 划算 | 实惠 | 不错 | 挺好 | 流畅 | 顺滑 | 新鲜 | 浓郁 | 香浓 | 醇厚 | 清爽 | 丝滑 | 好棒 | 精致 | 漂亮 | 可爱 | 舒服 | 舒适 | 方便 | 实用 | 省心 | 放心 | 耐用 | 用心 | 热情 | 耐心 | 专业 | 周到 | 及时 | 稳定 | 顺利 | 感谢 | 谢谢你们 | 辛苦了 | 加油 | 支持 | 期待 | 有用 | 很有帮助 | 种草 | 颜值高 | 性价比高 | 友好 | 爽快 | 满足 | good | nice | fresh | smooth | helpful | reliable | friendly | cozy | cosy | stable | solid | affordable | pleasant | pleasantly | appreciate | appreciated | responsive | rich | balanced | well done | good job | nice job | thank you so much | huge thanks | not bad | no complaints | no issues | no problems | congrats | congratulations | yay | fixed it | resolved
1.2: 难得 | 好 | 快 | 很快 | 便宜 | 还行 | 可以的 | 没毛病 | 解决了 | 已解决 | 修好了 | 修复了 | 谢谢 | 感恩 | 福利 | 优惠 | 稳 | 值 | 牛 | 香 | 简单 | 清楚 | 快乐 | 出色 | 到位 | 负责 | 效率高 | 上头 | fast | quick delivery | quickly | easy | cool | thanks | thank you | thx | fun | clean | works great | works well | works fine | as expected | worth | fair | fine | love it | reorder | reordered | buy again | would buy | enjoyable | exciting | fan of | big fan | cute | fixed | improved | better | faster | must have | must-have
1.6: 准时 | 守时 | 变好 | 合口味 | 对味 | 正宗 | 地道 | 纯正 | 回甘 | 层次丰富 | 层次感 | 饱满 | 细腻 | 绵密 | 顺口 | 好入口 | 提神 | 续命 | 治愈 | 温馨 | 惬意 | 宽敞 | 整洁 | 环保 | 高级 | 大气 | 简洁 | 易用 | 好上手 | 上手快 | 直观 | 快捷 | 高效 | 省事 | 省时 | 省钱 | 公道 | 良心价 | 超值 | 值回票价 | 大方 | 诚意 | 诚信 | 负责任 | 尽职 | 细心 | 认真 | 礼貌 | 亲切 | 主动 | 迅速 | 神速 | 秒回 | 次日达 | 完好 | 完好无损 | 包装严实 | 严实 | 结实 | 牢固 | 做工精细 | 质感 | 手感好 | 质量好 | 品质好 | 囤货 | 常备 | 宝藏 | 神器 | 好物 | 超出预期 | 超预期 | 物有所值 | 不后悔 | 值了 | 赚了 | 舒心 | 顺心 | 称心 | 爱喝 | 爱用 | 老粉 | 好感 | 优质 | 高质量 | 良好 | 完善 | 进步 | 越来越好 | 改善 | 恢复了 | 正常了 | easier | easiest | intuitive | seamless | seamlessly | effortless | handy | convenient | efficient | on time | punctual | prompt | promptly | speedy | swift | courteous | polite | kind | welcoming | generous | thoughtful | attentive | professional | knowledgeable | patient | solved | spot on | nailed it | love this | loving it | obsessed | hooked | go-to | gem | shoutout | shout-out | props | grateful | thankful | wow | marvelous | terrific | stellar | splendid | fabulous | aromatic | fragrant | flavorful | flavourful | velvety | creamy | nutty | fruity | worth every penny | bargain | great value | good value | value for money | well made | well-made | sturdy | durable | high quality | top quality | improvement | better than ever | back to normal | working again | works again | satisfying | refreshing | comforting | relaxing | spotless | tidy | eco-friendly | sustainable | repeat customer | will order again | ordering again | buying again | must try | must-try
0.6: 没问题 | 没错 | 有意思 | 稳了 | ok | okay | works | no problem | no worries
1.2: 还可以 | decent | like it | i like | we like | like this | like the | useful
`;

/** Negative cues. */
export const negativeWords = `
2.5: 诈骗 | 骗子 | 骗钱 | 黑心 | 黑店 | 割韭菜 | 智商税 | 粉转黑 | 吃相难看 | 太垃圾 | 失望透顶 | 恶心死了 | 气死 | 气死我了 | 偷工减料 | 以次充好 | 虚假宣传 | 跑路 | 千万别买 | 别买 | 不要买 | 避雷 | scam | scammed | fraud | worst | disgusting | furious | never again | never ordering | never buying | rip off | ripoff | rip-off | waste of money | waste of time | unacceptable | horrible | pathetic
2.2: 差评 | 垃圾 | 辣鸡 | 难喝 | 难吃 | 失望 | 骗人 | 骗 | 坑 | 坑人 | 坑爹 | 恶心 | 变质 | 发霉 | 过期 | 异物 | 拉肚子 | 腹泻 | 假货 | 投诉 | 愤怒 | 糟糕 | 糟心 | 踩雷 | 翻车 | 劝退 | 后悔 | 离谱 | 过分 | 差劲 | 恶劣 | 讨厌 | 受够了 | 烂 | 太差 | 闪退 | 崩溃 | 卡死 | 死机 | 数据丢失 | 再也不 | 不推荐 | 不值 | 不满 | 不满意 | 不爽 | 踢皮球 | 一拖再拖 | 霸王条款 | 乱扣费 | 重复扣款 | 被坑 | 被骗 | terrible | awful | disappointed | disappointing | disappointment | hate | hated | hates | useless | garbage | trash | rubbish | sucks | broken | angry | rude | misleading | regret | regrets | overpriced | overcharged | mold | moldy | mouldy | food poisoning | lousy | nightmare | disaster | ugly | worthless | ridiculous | frustrated | frustrating | dirty | stale
1.6: 要死 | 差 | 慢 | 贵 | 太贵 | 好贵 | 好慢 | 太慢 | 好差 | 好坑 | 烦 | 好烦 | 无语 | 郁闷 | 生气 | 难受 | 难过 | 伤心 | 委屈 | 心累 | 吐槽 | 着急 | 急死 | 服了 | 醉了 | 坏了 | 坏掉 | 损坏 | 破损 | 漏水 | 漏了 | 少发 | 漏发 | 发错 | 错发 | 丢件 | 丢了 | 没收到 | 未收到 | 还没收到 | 还没发货 | 还没到 | 未发货 | 没发货 | 还没退 | 没退 | 没到账 | 不回 | 不回复 | 没人回 | 没人回复 | 没人管 | 没人处理 | 不理 | 敷衍 | 推诿 | 拖 | 拖延 | 迟迟 | 卡顿 | 好卡 | 太卡 | 卡了 | 崩了 | 报错 | 出错 | 出bug | 失败 | 登不上 | 登录不了 | 打不开 | 用不了 | 不能用 | 没法用 | 无法使用 | 收不到 | 没反应 | 没效果 | 没用 | 鸡肋 | 没味道 | 寡淡 | 怪味 | 异味 | 酸涩 | 苦涩 | 难用 | 难看 | 不好 | 不行 | 不怎么样 | 不咋地 | 不太行 | 拉胯 | 缩水 | 涨价 | 乱收费 | 扣费 | 被扣 | 多扣 | 忽悠 | 套路 | 虚假 | 山寨 | 假的 | 不靠谱 | 不值得 | 不新鲜 | 不舒服 | 不放心 | 不一致 | 质量问题 | 有问题 | 出问题 | 出了问题 | 问题太多 | 质量差 | 态度差 | 下降 | 维权 | 曝光 | 举报 | 12315 | 消协 | 起诉 | 退钱 | 害怕 | 不合格 | 脏 | 太甜 | 太苦 | 太酸 | 太淡 | 可惜 | 遗憾 | 抱怨 | 被盗 | 盗号 | 泄露 | 取关 | 脱粉 | 卸载 | bad | poor | poorly | slow | slower | slowly | late | delayed | delay | delays | crash | crashes | crashed | crashing | bug | bugs | buggy | error | errors | fails | failed | failing | failure | leak | leaks | leaking | leaked | damaged | missing | wrong | lost | stuck | annoying | annoyed | upset | sad | sadly | unfortunately | sick | bitter | burnt | burned | watery | bland | weak | mediocre | meh | confusing | confused | complaint | complaints | complain | ignored | ignoring | not working | doesn't work | does not work | stopped working | don't work | didn't work | no response | no reply | still waiting | never arrived | never received | never got | not received | canceling | cancelling | cancelled | unsubscribe | laggy | lag | can't login | cant login | cannot login | can't log in | unable to | never arrives | never came | disappeared | freezes | frozen screen | expensive | pricey | overhyped | worse | downgrade | fake | cheated | lied | liar | lying | charged twice | mess | messy | dies | died | dead | noisy | noise | hard to use | sticky | spam | hacked | stolen | logged out
1.2: 涩 | 苦 | 难 | 不太好 | 一言难尽 | so-so | could be better | cold | flat | joke | deleted | removed | unhelpful | no help | outdated | clunky | 补偿 | 赔偿 | 道歉 | 需要改进 | 有待改进 | 有待提高 | needs improvement | needs work | i'm done with | im done with | sorted it out | 凑合 | 将就 | 不敢 | 复杂 | 头疼 | 难找
1.6: 连不上 | 上不去 | 进不去 | 加载不出来 | 刷不出来 | 付不了 | 支付失败 | 付款失败 | 下单失败 | 没回复 | 没有回复 | 没人理 | 没回音 | 石沉大海 | 堪忧 | 糟透 | 简陋 | 结块 | 裂缝 | 裂了 | 开裂 | 压扁 | 变形 | 失效 | 毛病 | 故障 | 瑕疵 | 划痕 | 掉色 | 褪色 | 生锈 | 异响 | 噪音 | 发烫 | 漏电 | 受骗 | 上当 | 退不了 | 不给退 | 拒绝退款 | 不发货 | 不处理 | 不作为 | 没下文 | 封号 | 乱码 | 白屏 | 黑屏 | 掉线 | 断线 | 延误 | 超时 | 粗糙 | 廉价感 | 劣质 | 次品 | 残次品 | 翻新机 | 陈豆 | 哈喇味 | 变味 | 串味 | 太烫 | 洒了 | 撒了 | 货不对板 | 与描述不符 | 不符 | 色差 | 繁琐 | 看不懂 | 找不到 | 反人类 | 过敏 | 胃疼 | 肚子疼 | 心寒 | 寒心 | 冷漠 | 傲慢 | 甩锅 | 推卸 | 骂人 | 嘲讽 | 歧视 | 刁难 | 强制消费 | 捆绑销售 | 擅自 | 乱扣 | 自动扣费 | 陷阱 | 坑钱 | 圈钱 | 收割 | 抄袭 | 侵权 | 盗版 | 骚扰 | 刷屏 | 水军 | 刷单 | 删评 | 控评 | 倒退 | 退步 | 变差 | 比不上 | 大不如前 | 还不如 | 糟透了 | cracked | dented | crushed | squashed | shattered | spilled | spilt | leaky | rejected | rejecting | declined | denied | slipping | lukewarm | too sweet | too bitter | too strong | too weak | too salty | sour | rancid | smelly | stinks | aftertaste | logged me out | kicked out | locked out | won't load | doesn't load | not loading | won't open | unresponsive | timeout | timed out | outage | glitch | glitches | glitchy | cluttered | bloated | unclear | inconsistent | unreliable | flaky | unstable | breach | spammy | pushy | shady | sketchy | dishonest | unprofessional | incompetent | careless | sloppy | flimsy | fragile | defective | faulty | malfunction | malfunctioning | broke | breaks | scratched | stained | expired | spoiled | rotten | contaminated | regression | hate it | fed up | sick of | tired of | had enough | ghosted | wasted | overdue | postponed | backordered | hidden fees | hidden fee | surcharge | price hike | misled | deceptive | bait and switch | false advertising | unhappy | unsatisfied | dissatisfied | displeased | headache | painful | irritating | infuriating | outrageous | shameful | embarrassing | inconvenient | inconvenience | hassle | tedious
0.6: 不会用 | 退款 | 退货 | cancel | refund | refunds | 售后 | 换货 | 一般 | 一般般 | 麻烦 | 担心 | 奇怪 | 等了 | 贵了 | 太久 | 好久 | 问题 | issue | issues | problem | problems | wait | waiting | expensive-ish | price increase | return | returned
`;

/**
 * Phrases that carry no sentiment but contain a cue or negator, listed so the longest match
 * swallows the misleading part ('快递' is not '快', '差点' is not '差', '不知道' negates nothing).
 */
export const neutralPhrases = `
0: 快捷键 | 不明 | 难道 | 加快 | 价值 | 数值 | 值班 | 充值 | 贵公司 | 贵司 | 贵店 | 拖动 | 拖拽 | flat white | 一般来说 | 快递 | 快点 | 快要 | 快到 | 尽快 | 赶快 | 差点 | 差不多 | 出差 | 时差 | 温差 | 相差 | 差别 | 差价 | 好的 | 好像 | 好多 | 好几 | 好久不见 | 好奇 | 好吧 | 好了 | 只好 | 刚好 | 正好 | 你好 | 您好 | 大家好 | 好友 | 爱好 | 好不好 | 好不容易 | 好在 | 好歹 | 不好意思 | 慢慢 | 慢走 | 慢用 | 垃圾桶 | 垃圾袋 | 垃圾分类 | 牛奶 | 牛肉 | 牛排 | 牛角 | 蜗牛 | 香草 | 香港 | 赞助 | 求推荐 | 有什么推荐 | 推荐一下 | 不知道 | 不清楚 | 不确定 | 不一定 | 不然 | 不少 | 不同 | 不久 | 不断 | 不用 | 不用谢 | 不客气 | 不管 | 不仅 | 不止 | 不得不 | 不得不说 | 不到 | 不小心 | 不一样 | 对不起 | 是不是 | 能不能 | 会不会 | 要不要 | 可不可以 | 有没有 | 行不行 | 值不值 | 贵不贵 | 好不好喝 | 没事 | 没关系 | 没想到 | 没什么 | 没多久 | 没拆 | 还没拆 | 无论 | 无所谓 | 无糖 | 无线 | 别人 | 别的 | 区别 | 分别 | 级别 | 别急 | 别客气 | 未来 | 未必 | 一般几 | 一般多 | 麻烦你 | 麻烦您 | 麻烦帮 | 会员卡 | 技术支持 | 个问题 | 问个 | 好评返现 | 优惠券 | 福利社 | not sure | no idea | don't know | dont know | no matter | not only | never mind | no wonder | quick question | looks like | feel like | like a | would like | i'd like | id like | refund policy | return policy | cold brew | cold drinks | best regards | for the best | at best | good morning | good night | good afternoon | good evening | pretty much | not yet | thank you in advance
`;

/** Negators: flip a cue that follows within a few characters or words, in the same clause. */
export const negators = `
1: 不 | 没 | 没有 | 别 | 未 | 无 | 并不 | 并没有 | 并没 | 从不 | 从没 | 从来没有 | 从来不 | 毫不 | 绝不 | 决不 | 不是 | 不能 | 不会 | 不再 | 不够 | 不要 | 一点都不 | 一点也不 | 根本不 | 根本没 | 压根不 | 完全不 | not | no | never | don't | dont | doesn't | doesnt | didn't | didnt | isn't | isnt | aren't | arent | wasn't | wasnt | weren't | won't | wont | wouldn't | can't | cant | cannot | couldn't | shouldn't | haven't | havent | hasn't | hasnt | hadn't | ain't | nothing | neither | nor | without | hardly | barely | no longer
0.6: 不太 | 不怎么 | 没那么 | 没有那么 | 不是很 | 不算 | not very | not that | not so | not really | not too
`;

/** Post-negators: flip the cue just before them in the same clause ('一点毛病都没有'). */
export const postNegators = `
1: 都没有 | 都没 | 也没有 | 全无 | 都不会
`;

/** Intensifiers (> 1) and diminishers (< 1) of the next cue. */
export const modifiers = `
1.8: 极其 | 极度 | 超级 | 巨 | 简直 | 非常非常 | extremely | incredibly | insanely | utterly | absolutely | beyond
1.5: 非常 | 太 | 超 | 特别 | 十分 | 极 | 贼 | 相当 | 实在 | 完全 | 根本 | 严重 | 越来越 | 有够 | 真心 | 强烈 | 太过 | 过于 | 最 | very | really | super | totally | completely | highly | seriously | so | too | such | way too | so much | most | damn | deeply | terribly | hugely | truly
1.2: 很 | 真 | 真的 | 挺 | 蛮 | 更 | 格外 | 尤其 | 确实 | 明显 | 居然 | 竟然 | 又 | 还是 | pretty | quite | even | definitely | honestly | actually | again
0.6: 有点 | 有一点 | 有些 | 稍微 | 稍 | 略 | 略微 | 一点 | 还算 | 比较 | 勉强 | 小 | a bit | a little | slightly | somewhat | kind of | kinda | sort of | fairly | a tad | mildly | rather
`;

/** Contrast words: what follows them weighs more than what came before. */
export const contrastWords = `
1: 但是 | 但 | 不过 | 可是 | 然而 | 只不过 | but | however
`;

/** Concessions: the clause they open weighs less ('虽然等了几天' matters less than what follows). */
export const concessionWords = `
1: 虽然 | 尽管 | 虽说 | 虽 | although | though | even though
`;

/** Emoji and emoticons, as cues. */
export const emojiCues = `
2: 👍 | 😊 | 😄 | 😃 | 😀 | 😁 | 😍 | 🥰 | 😘 | ❤ | 💕 | 💖 | 💗 | 👏 | 🎉 | 💯 | 🤩 | 😋 | 🥳 | 👌 | ✨ | 🙌 | ☺ | 🌟 | :) | :-) | :d | ^_^ | [赞] | [强] | [爱心] | [玫瑰]
-2: 😡 | 😠 | 🤬 | 👎 | 💩 | 😤 | 😞 | 😢 | 😭 | 🙄 | 😒 | 🤮 | 🤢 | 😔 | 😣 | 😩 | 😫 | 💔 | 😰 | 😱 | :( | :-( | t_t | qaq | [怒] | [发怒] | [大哭] | [流泪] | [弱] | [抓狂] | [衰]
`;
