namespace HelpBot.Language.Answers;

/// <summary>
/// The recognition vocabulary for answers and conversation commands, in one place: what customers type, never wording
/// shown to them. Chinese phrases match anywhere; English ones as whole words. A longer phrase wins over the phrases
/// inside it, so "没问题" is yes although it holds "没", "不能" is no although it holds "能", and "not bad" is yes.
/// </summary>
internal static class Vocabulary
{
    public static readonly string[] Yes =
    [
        "是", "是的", "是啊", "对", "对的", "对啊", "嗯", "嗯嗯", "恩", "好", "好的", "好啊", "好了", "行", "行的", "可以", "能", "能的",
        "有", "有的", "要", "需要", "确认", "确定", "当然", "没问题", "没毛病", "没事", "没关系", "正常", "都正常", "挺好", "不错", "还行",
        "能打开", "打得开", "能用", "好使", "开通了", "绑定了", "绑了", "绑好了", "够", "够的", "最新", "最新版", "最新的", "更新了",
        "解决了", "搞定了", "好了谢谢", "收到了", "到了", "成功了", "付成功了", "支付成功", "付好了", "付上了", "可以了", "ok", "okay", "k", "kk", "yes", "y", "ya", "yah", "yeah", "yep", "yup", "sure",
        "right", "correct", "exactly", "indeed", "of course", "it does", "they do", "it is", "i do", "i did", "it did", "works",
        "working", "it works", "worked", "it worked", "went through", "it went through", "work fine", "fine", "good", "all good", "great", "perfect", "solved", "fixed", "sorted", "done",
        "resolved", "latest", "up to date", "updated", "linked", "enabled", "enough", "no problem", "not bad", "no issue", "no issues",
        "please do", "do it", "go ahead", "confirm", "👍", "👌", "✅", "🙆", "👍🏻",
    ];

    public static readonly string[] No =
    [
        "不", "不是", "不对", "不行", "不能", "不可以", "不要", "不用", "不需要", "否", "没", "没有", "没用", "没解决", "还没", "还没有", "还不行",
        "还是不行", "还是一样", "还是没", "还是付不了", "还是打不开", "一样", "照样", "依然", "仍然", "打不开", "开不了", "进不去", "用不了",
        "不好使", "不管用", "没反应", "失败", "失败了", "报错", "闪退", "崩了", "不正常", "不够", "没开通", "没绑", "没绑定", "旧版",
        "不是最新", "没更新", "还没更新", "没试", "没试过", "还没试", "没重启", "没重启过", "没有重启", "别", "no", "n", "nope", "nah", "nay", "not", "not really", "never", "still", "cannot", "can't", "cant",
        "won't", "wont", "haven't tried", "have not tried", "didn't try", "not tried", "haven't restarted", "didn't restart", "haven't updated", "doesn't", "doesnt", "don't", "dont", "didn't", "didnt", "isn't", "isnt", "aren't", "not yet", "nothing",
        "broken", "fail", "fails", "failed", "failing", "crash", "crashes", "crashing", "declined", "error", "useless", "no luck",
        "👎", "❌", "🙅",
    ];

    /// <summary>Phrases that hold a yes or no word without meaning either ("别的都正常", "不好意思", "not sure").</summary>
    public static readonly string[] Neither =
    [
        "别的", "别人", "别家", "别处", "不好意思", "不客气", "不知道", "不清楚", "不确定", "不太清楚", "不过", "不管", "不然", "要不", "不止",
        "没想到", "了不起", "不得不", "能不能", "是不是", "有没有", "要不要", "对不对", "行不行", "可不可以", "好不好", "not sure",
        "no idea", "don't know", "dont know", "not only", "no worries", "i think",
    ];

    public static readonly string[] NeverMind =
    [
        "算了", "算了吧", "不用了", "不弄了", "不查了", "不改了", "不用改了", "不转了", "不取消了", "先不取消", "不关联了", "先不", "别管了",
        "不需要了", "没事了", "不麻烦了", "就这样吧", "保持原样", "就原来的", "还是原来的", "按原来的", "退出", "never mind", "nevermind",
        "nvm", "forget it", "forget about it", "forget that", "cancel that", "leave it", "leave it as it is", "keep it as it is",
        "keep the time", "keep it", "don't bother", "don't change it", "don't change anything", "no wait", "wait no", "don't send it",
        "don't send anything", "don't hand it over", "不用转了", "别转了", "不用发了", "不用交给客服", "先不转", "不用改", "别改了", "no need", "skip it", "stop", "quit", "not now",
    ];

    public static readonly string[] StartOver =
    [
        "重新开始", "从头开始", "从头来", "重来", "重新来", "再来一遍", "回到开头", "start over", "start again", "start from the top",
        "from the top", "from scratch", "restart", "reset", "begin again", "back to the start", "back to the beginning",
    ];

    public static readonly string[] Help =
    [
        "帮助", "怎么用", "怎么弄", "怎么操作", "你能做什么", "你能干什么", "你能干啥", "你会什么", "你会干啥", "能帮我做什么", "能帮我干什么",
        "有什么功能", "都能干嘛", "菜单", "help", "what can you do", "how does this work", "how do i use", "how to use", "menu",
        "what am i supposed to do", "what do i do", "what should i do here", "options",
    ];

    /// <summary>What a customer names when they report on their connection ("wifi没问题", "my internet is fine").</summary>
    public static readonly string[] NetworkSubject =
    [
        "网络", "网速", "网", "wifi", "wi-fi", "无线", "信号", "流量", "4g", "5g", "network", "internet", "connection", "signal",
        "mobile data", "data",
    ];

    /// <summary>Said of the connection right after it: all is well ("网络也没问题", "wifi is fine", "internet works").</summary>
    public static readonly string[] NetworkFine =
    [
        "没问题", "没毛病", "没啥问题", "没什么问题", "好着呢", "好好的", "正常", "很好", "稳", "挺好", "稳定", "通的", "畅通", "满格", "ok", "okay", "fine", "good",
        "great", "stable", "working", "works", "work", "strong", "no problem", "no problems", "not the problem", "not the issue", "isn't the problem",
        "isn't the issue",
    ];

    /// <summary>Said of the connection right after it: it is bad ("网络不太好", "wifi is down"); read before <see cref="NetworkFine"/>.</summary>
    public static readonly string[] NetworkBad =
    [
        "不好", "不太好", "不怎么好", "很差", "差", "不稳定", "不稳", "不行", "断了", "断断续续", "很卡", "卡", "很慢", "慢", "bad", "down",
        "poor", "weak", "slow", "spotty", "unstable", "not working", "isn't working", "doesn't work", "keeps dropping", "dropped", "off",
        "sucks",
    ];

    /// <summary>Whole reports about the connection that need no subject word before them.</summary>
    public static readonly string[] NetworkFineReports =
    [
        "其他app都正常", "其他app都能用", "别的app都能用", "别的app都正常", "别的软件都能用", "其他软件都正常", "别的都能刷", "other apps work",
        "other apps are fine", "other apps are working", "everything else works", "everything else loads",
    ];

    /// <summary>"换了4g" / "switched to wifi": the customer tried another connection, so the network is ruled out.</summary>
    public static readonly string[] NetworkSwitch = ["换了", "切了", "切换了", "切到", "切换到", "换成", "换到", "用了", "switched to", "changed to", "tried", "tried using", "used"];

    public static readonly string[] NetworkSwitchedTo =
    [
        "4g", "5g", "wifi", "wi-fi", "流量", "数据", "移动数据", "网络", "别的网", "mobile data", "cellular", "data", "another network",
        "a different network", "another wifi",
    ];

    public static readonly string[] NetworkBadReports = ["没网", "没信号", "断网", "no signal", "no internet", "no wifi", "no network", "no connection", "bad signal"];

    /// <summary>What a customer names when they report on the app itself ("app也是最新版", "the app is up to date").</summary>
    public static readonly string[] AppSubject = ["app", "应用", "软件", "客户端", "版本", "the app", "my app"];

    /// <summary>Said of the app right after it: it is current ("app更新过了", "app is updated").</summary>
    public static readonly string[] AppCurrent =
    [
        "最新", "最新版", "最新的", "更新了", "更新过", "更新过了", "已更新", "已经更新", "升级了", "升级过", "重装了", "重装过", "updated", "up to date",
        "up-to-date", "the latest", "latest", "current", "reinstalled",
    ];

    /// <summary>Said of the app right after it: it is old ("app还没更新"); read before <see cref="AppCurrent"/>.</summary>
    public static readonly string[] AppOld =
    [
        "没更新", "没有更新", "还没更新", "没升级", "不是最新", "太旧", "太老", "很旧", "很老", "有点旧", "有点老", "比较旧", "比较老", "旧了", "老了",
        "旧版", "老版", "old", "outdated", "not updated", "not the latest", "not up to date",
        "hasn't been updated",
    ];

    /// <summary>Whole reports of a current app that need no subject word before them ("最新版", "I'm on the latest version").</summary>
    public static readonly string[] AppCurrentReports =
    [
        "最新版", "最新版本", "最新的版本", "已经是最新", "更新过了", "已经更新了", "已经更新过", "刚更新过", "刚更新了", "升级过了", "重装过", "重装了", "重新安装", "重新下载了", "latest version", "newest version",
        "latest update", "up to date", "up-to-date", "already updated", "updated the app", "updated it", "reinstalled", "re-installed",
        "reinstalled the app",
    ];

    /// <summary>Whole reports of an old app; read before <see cref="AppCurrentReports"/>, so "不是最新版" is old.</summary>
    public static readonly string[] AppOldReports =
    [
        "不是最新", "旧版", "老版本", "old version", "outdated version", "not the latest", "not up to date", "haven't updated",
    ];

    public static readonly string[] AppRestartedReports =
    [
        "重启过", "重启了", "重新打开过", "重新打开了", "重开了", "关了再开", "杀掉重开", "退出重进", "restarted", "reopened", "closed and reopened",
        "force closed", "force quit", "rebooted",
    ];

    public static readonly string[] PaymentMethodReadyReports =
    [
        "已经绑定", "绑定了", "绑好了", "开通了在线支付", "余额够", "余额充足", "额度够", "card is linked", "payment method is linked",
        "linked my card", "enough balance", "enough money",
    ];

    /// <summary>Words just before a fixed report that turn it around ("没绑定了", "not reinstalled").</summary>
    public static readonly string[] ReportNegators = ["不", "没", "未", "别", "not", "n't", "never"];

    /// <summary>"直接转", "just send it": go on without what was asked for (screenshots), never a stop.</summary>
    public static readonly string[] GoAhead =
    [
        "直接转", "直接转吧", "直接转人工", "直接提交", "直接交给客服", "转吧", "就这样转", "没截图", "没有图", "不发了", "不用截图", "不发截图", "截图没有",
        "just send it", "just hand it over", "go ahead", "skip it", "skip", "no screenshots", "no screenshot", "don't have any", "no pics",
        "no pictures", "just escalate", "just transfer",
    ];

    /// <summary>Words between two order numbers that take the first back ("取消 A，不对不对，是 B", "A oops I meant B").</summary>
    public static readonly string[] NumberCorrection =
    [
        "打错了", "输错了", "写错了", "搞错了", "弄错了", "说错了", "不对", "哦不", "错了", "i meant", "i mean", "sorry", "typo", "wrong number", "oops",
        "my bad", "correction", "scratch that",
    ];

    public static readonly string[] Thanks = ["谢谢", "谢了", "多谢", "感谢", "辛苦了", "thanks", "thank you", "thx", "ty", "cheers", "appreciate it"];

    public static readonly string[] Goodbye =
    [
        "拜拜", "再见", "88", "回见", "先这样", "bye", "goodbye", "bye bye", "bye for now", "see you", "see ya", "that's all", "that is all",
        "talk later", "talk to you later", "gotta go",
    ];

    /// <summary>Words that ask to cancel or change an order, so "cancel the other one, 2611…" is that request, not a correction.</summary>
    public static readonly string[] CancelOrChange =
    [
        "取消", "退掉", "退单", "不要了", "改", "修改", "换个", "换地址", "cancel", "change", "reschedule", "modify",
    ];

    public static readonly string[] Greeting = ["你好", "您好", "在吗", "在不在", "哈喽", "嗨", "hi", "hello", "hey", "hiya", "good morning", "good evening"];

    public static readonly string[] Laugh = ["哈哈", "哈哈哈", "呵呵", "嘿嘿", "嘻嘻", "haha", "hahaha", "lol", "lmao", "rofl", "😂", "🤣", "😄", "😆", "😅"];

    public static readonly string[] AskIfBot =
    [
        "你是机器人吗", "你是机器人", "机器人吗", "是机器人", "是不是机器人", "是人吗", "是真人吗", "对面是人", "你是人", "是ai", "人工智能吗", "是不是真人",
        "are you a bot", "are you a robot", "are you human", "are you a person", "are you real", "is this a bot", "is this a robot",
        "talking to a bot", "talking to a robot", "talking to a machine", "robot or a person", "bot or a person", "bot or human",
        "are you a real person", "is this a real person", "is this a person", "r u human", "r u a bot", "r u real", "chatting with a bot",
        "human or bot", "human or a bot", "person or a bot", "person or a robot", "human or a robot", "real person or", "talking to a real person",
        "talking to a human", "talking to a person", "is this a human", "是真人还是机器人", "真人还是机器人", "人还是机器", "是不是ai", "你是ai", "是人工还是机器",
    ];

    public static readonly string[] Correction =
    [
        "打错了", "输错了", "写错了", "搞错了", "弄错了", "选错了", "点错了", "不对", "不是这个", "不是这单", "不是这一单", "不是这家", "另一单", "另一个",
        "另外一单", "另外一个", "别的订单", "其他订单", "另一笔", "i meant", "i mean", "sorry i meant", "wrong one", "wrong order",
        "wrong number", "not this one", "not that one", "the other one", "the other order", "another order", "a different order", "typo",
    ];

    public static readonly string[] Tried =
    [
        "试过", "试了", "都试了", "重启过", "重启了", "重新打开过", "重开了", "重开过", "重开", "关了重开", "关掉重开", "关了又开", "重新打开", "划掉重开", "杀掉后台", "更新过", "更新了", "换了", "切了", "关了再开",
        "tried", "restarted", "reopened", "closed it", "closed and reopened", "force closed", "force quit", "did that", "done that", "already did", "updated", "switched",
    ];

    /// <summary>
    /// Typed answers to "what would you like to do?", by action (the flows' action names). Only the actions a flow offered
    /// are looked for, so "联系商家" can mean messaging the restaurant where no phone number is offered.
    /// </summary>
    /// <summary>
    /// The many names of the rider and the restaurant, read as one word each before actions are matched, so "联系送餐的小哥"
    /// is "联系骑手" and "call the delivery guy" is "call the rider". Longest first; English ones as whole words.
    /// </summary>
    public static readonly (string Phrase, string ReadAs)[] ActionSynonyms =
    [
        ("送餐的小哥", "骑手"), ("送外卖的小哥", "骑手"), ("外卖小哥", "骑手"), ("送餐小哥", "骑手"), ("配送小哥", "骑手"), ("快递小哥", "骑手"),
        ("送外卖的", "骑手"), ("送餐的", "骑手"), ("送餐员", "骑手"), ("外卖员", "骑手"), ("配送员", "骑手"), ("骑士", "骑手"), ("小哥", "骑手"),
        ("店家", "商家"), ("餐厅", "商家"), ("饭店", "商家"), ("商户", "商家"), ("店铺", "商家"),
        ("delivery guy", "rider"), ("delivery person", "rider"), ("delivery man", "rider"), ("delivery driver", "rider"),
        ("delivery boy", "rider"), ("delivery agent", "rider"), ("driver", "rider"), ("courier", "rider"), ("dasher", "rider"),
        ("the shop", "the restaurant"), ("the store", "the restaurant"), ("the kitchen", "the restaurant"), ("the merchant", "the restaurant"),
        ("my", "the"), ("our", "the"), ("your", "the"), ("this", "the"),
    ];

    public static readonly Dictionary<string, string[]> Actions = new(StringComparer.Ordinal)
    {
        ["notify_merchant"] =
        [
            "通知商家", "通知店家", "通知餐厅", "通知一下", "通知下", "通知", "催一下", "催催", "催单", "催商家", "催店家", "催一催", "帮我催", "提醒商家", "提醒店家", "提醒一下商家",
            "告诉商家", "给商家发消息", "给商家发个消息", "发消息给商家", "发个消息", "给商家留言", "提醒下", "提醒一下", "跟商家说", "和商家说",
            "让商家", "叫商家", "让店家", "叫店家", "帮我问问商家", "帮我联系商家", "让商家快点", "叫商家快点", "notify the restaurant", "notify restaurant",
            "message the restaurant", "message them", "ping the restaurant", "ping them", "remind the restaurant", "remind them",
            "nudge the restaurant", "nudge them", "chase the restaurant", "chase them", "hurry them", "hurry up the restaurant",
            "tell the restaurant", "contact the restaurant for me", "notify",
        ],
        ["merchant_phone"] =
        [
            "商家电话", "店家电话", "餐厅电话", "商家的电话", "店里电话", "商家号码", "电话多少", "我自己打", "我打给商家", "打给商家", "给商家打电话",
            "打电话给商家", "打商家电话", "restaurant's number", "restaurant number", "restaurant phone", "restaurant's phone",
            "phone number of the restaurant", "call the restaurant myself", "i'll call the restaurant", "i will call them", "call them myself",
            "their number", "call the restaurant",
        ],
        ["cancel_reorder"] =
        [
            "取消后重新下单", "取消重下", "取消了重下", "取消重新下单", "退了重下", "退掉重下", "退了重新点", "退掉重新点", "退单重下", "重新下单", "重下一单",
            "重新点一单", "再点一单", "不要了重新点", "换一家", "cancel and reorder", "cancel and order again", "cancel it and reorder",
            "reorder", "re-order", "order again", "order from somewhere else", "cancel it and order", "just cancel it",
        ],
        ["contact_rider"] =
        [
            "联系骑手", "骑手电话", "骑手的电话", "打给骑手", "给骑手打电话", "给骑手打", "问骑手", "打骑手电话", "找骑手", "问问骑手", "问一下骑手", "骑手号码", "配送员电话",
            "电话给骑手", "骑手联系方式", "骑手的联系方式", "催骑手", "催催骑手", "rider's contact", "rider contact", "reach the rider", "ring the rider",
            "phone the rider", "talk to the rider", "speak to the rider",
            "call the rider", "rider's number", "rider number", "rider's phone", "contact the rider", "text the rider", "message the rider",
            "call the driver", "driver's number", "contact the driver", "call the courier",
        ],
        ["change_delivery"] =
        [
            "修改送达时间", "改送达时间", "改一下送达时间", "改时间", "改个时间", "晚点送", "推迟送", "改地址", "改一下地址", "换地址", "修改地址",
            "change the time", "change delivery time", "change the delivery", "reschedule", "deliver later", "change the address",
            "change address", "later delivery",
        ],
        // The change flow's "address or time?" question.
        ["address"] =
        [
            "地址", "改地址", "换地址", "修改地址", "送货地址", "收货地址", "送到别的地方", "送到另一个地方", "换个地方", "address", "the address",
            "change the address", "different address", "new address", "deliver somewhere else", "location",
        ],
        ["time"] =
        [
            "时间", "改时间", "送达时间", "送餐时间", "晚点送", "早点送", "推迟", "换个时间", "晚一个小时", "晚一小时", "晚半小时", "晚半个小时", "晚些送",
            "晚一点送", "延后", "往后推", "早一点送", "几点送", "time", "the time", "delivery time", "change the time", "push it back",
            "an hour later", "half an hour later",
            "later", "reschedule", "when it arrives", "when it's delivered",
        ],
        ["wait"] =
        [
            "我等等", "等等吧", "再等等", "我等着", "我等吧", "那我等", "先等", "等一下吧", "等自动退款", "等退款", "等着吧", "i'll wait", "i will wait",
            "let me wait", "wait for it", "wait for the refund", "i can wait", "just wait", "keep waiting", "wait a bit",
        ],
        ["escalate"] =
        [
            "转给客服", "转客服", "转人工", "找客服", "人工客服", "人工", "客服处理", "客服", "让客服", "请客服", "交给客服", "人工处理", "agent", "平台处理", "找平台", "投诉", "找真人", "找个人", "帮我找人",
            "talk to a person", "talk to someone", "human", "real person", "an agent", "customer service", "support", "escalate",
            "file a complaint", "complain", "someone",
        ],
    };

    /// <summary>Ratings said in words rather than a number.</summary>
    public static readonly Dictionary<string, int> RatingWords = new(StringComparer.Ordinal)
    {
        ["满分"] = 5, ["好评"] = 5, ["非常满意"] = 5, ["很满意"] = 5, ["差评"] = 1, ["很差"] = 1, ["太差"] = 1,
        ["perfect"] = 5, ["excellent"] = 5, ["amazing"] = 5, ["terrible"] = 1, ["awful"] = 1, ["horrible"] = 1,
    };

    /// <summary>
    /// Words that make a delivery time a deadline ("最晚八点", "8pm at the latest"). "前" / "before" / "by" need no entry:
    /// the date-time recognizer reads them as the end of a range.
    /// </summary>
    public static readonly string[] DeliveryDeadline =
    [
        "最晚", "最迟", "不晚于", "不要晚于", "不能晚于", "别晚于", "不超过", "no later than", "not later than", "at the latest",
        "latest by", "latest",
    ];

    /// <summary>After a time the English recognizer read in a mixed message, these make it a deadline: "8pm前".</summary>
    public static readonly string[] DeadlineAfter = ["之前", "以前", "前"];

    /// <summary>
    /// Phrases rewritten before a delivery time is read: "晚一点" is "a bit later", not 晚上1点; "前后" is "around", not
    /// "before"; "半夜12点" is midnight, not noon. Each maps to what it is read as.
    /// </summary>
    public static readonly (string Phrase, string ReadAs)[] DeliveryTimeRewrites =
    [
        ("晚一点", " "), ("晚一些", " "), ("早一点", " "), ("早一些", " "), ("快一点", " "), ("迟一点", " "), ("前后", "左右"),
        ("半夜12", "晚上12"), ("半夜十二", "晚上十二"), ("夜里12", "晚上12"), ("夜里十二", "晚上十二"),
    ];

    /// <summary>Before a Chinese span of time, it counts from now: "过半小时再送", "再过一个钟头", "等四十分钟".</summary>
    public static readonly string[] DelayBefore = ["再过", "过", "再等", "等"];

    /// <summary>Before a Chinese span of time, it counts from the current ETA, not from now: "推迟半小时", "晚一个小时再送".</summary>
    public static readonly string[] DelayFromEta = ["推迟", "延后", "延迟", "推后", "往后推", "往后延", "晚", "再晚"];

    /// <summary>After a Chinese span of time, it counts from now: "半小时后", "两个钟头以后", "一个小时后再送".</summary>
    public static readonly string[] DelayAfter = ["以后", "之后", "后", "以後", "之後", "後", "再送", "再"];

    /// <summary>After a Chinese span of time, it is a deadline from now: "一小时内送到", "半小时之内".</summary>
    public static readonly string[] DelayWithin = ["以内", "之内", "内"];

    /// <summary>Words that may stand beside a bare span of time that answers "when?" ("40 minutes pls", "那就一个小时吧").</summary>
    public static readonly string[] DelayFiller =
    [
        "please", "pls", "plz", "ok", "okay", "then", "maybe", "about", "around", "say", "another", "make", "it", "in", "like",
        "thanks", "thank", "you", "thx",
    ];

    /// <summary>Chinese characters that may stand beside a bare span of time that answers "when?" ("半小时吧", "就一个钟头").</summary>
    public const string DelayFillerChinese = "送吧啊呀呢哦嗯就那好的行来到过大概约左右差不多再后谢";

    /// <summary>Asking to link the chat to the platform account, said in a sentence.</summary>
    public static readonly string[] LinkAccount =
    [
        "关联账号", "关联账户", "关联一下账号", "账号关联", "关联我的账号", "关联下账号", "绑定账号", "绑定账户", "绑定一下账号", "账号绑定", "绑定我的账号",
        "link my account", "link account", "link the account", "link my phone", "connect my account", "link my number",
    ];

    /// <summary>Asking to remove that link.</summary>
    public static readonly string[] UnlinkAccount =
    [
        "取消关联", "解除关联", "解绑账号", "解除绑定", "取消绑定", "不要关联了", "unlink", "remove the link", "disconnect my account",
        "disconnect my phone", "remove my account link", "remove the linked account",
    ];

    /// <summary>Words that point at an order other than the one being discussed ("我另一单", "还有一单", "another order").</summary>
    public static readonly string[] AnotherOrder =
    [
        "另一单", "另一个订单", "另外一单", "另外一个订单", "别的订单", "其他订单", "还有一单", "有一单", "另一笔", "别的单", "another order",
        "other order", "a different order", "my other order", "one of my other orders", "second order",
    ];

    /// <summary>
    /// Something wrong with the food itself (missing, wrong, undercooked, spilled): only the restaurant can put it right,
    /// so such a message goes the restaurant's way whatever else it reads as.
    /// </summary>
    public static readonly string[] FoodProblem =
    [
        "少了一份", "少了一个", "少送", "少给", "漏了", "漏送", "没给我", "缺了", "少了个", "送错了菜", "送错菜", "菜送错", "不是我点的", "不是我要的",
        "拿错了", "没熟", "不熟", "夹生", "变质", "馊了", "有头发", "有异物", "洒了", "撒了", "漏汤", "汤洒", "missing item",
        "item missing", "items missing", "forgot my", "forgot the", "left out", "wrong dish", "wrong item",
        "wrong food", "wrong order delivered", "not what i ordered", "isn't what i ordered", "undercooked", "under cooked", "raw inside",
        "not cooked", "spilled", "spilt", "hair in", "gone bad", "spoiled",
    ];
}
