using HelpBot.Platform.Models;

namespace HelpBot.Platform.Sandbox.State;

/// <summary>
/// The sandbox's starting data. Other test suites and the demo script rely on these exact users, orders and facts;
/// change them only together with docs/platform-api.md. Times are offsets from "now" (negative = ago).
/// </summary>
public static class SandboxSeed
{
    public const string DemoUserId = "demo-user";
    public const string DemoUserPhone = "13800138000";
    public const string OtherUserId = "other-user";
    public const string OtherUserPhone = "13900139000";

    /// <summary>Delivered on time about two hours ago; complete timeline.</summary>
    public const string DeliveredOnTimeOrder = "2611240000000001";

    /// <summary>Paid; the app has shown "preparing" for 45 minutes, but the merchant backend never received it.</summary>
    public const string NotSyncedToMerchantOrder = "2611240000000002";

    /// <summary>Payment failed with <see cref="PaymentFailureCodes.ChannelError"/>; not charged.</summary>
    public const string PaymentChannelErrorOrder = "2611240000000003";

    /// <summary>The payment channel charged the customer, but the order is still unpaid.</summary>
    public const string ChargedButUnpaidOrder = "2611240000000004";

    /// <summary>Payment declined with <see cref="PaymentFailureCodes.CardLimitExceeded"/>; not charged.</summary>
    public const string CardLimitExceededOrder = "2611240000000005";

    /// <summary>Delivering; the ETA slipped three times and the rider's location is 15 minutes old.</summary>
    public const string LateDeliveryOrder = "2611240000000006";

    /// <summary>The app shows "preparing"; the merchant backend shows the order cancelled.</summary>
    public const string MerchantCancelledOrder = "2611240000000007";

    /// <summary>Belongs to <see cref="OtherUserId"/>: the bot must not show it to the demo user.</summary>
    public const string OtherUserOrder = "2611240000000008";

    public const string LatestAppVersion = "8.3.0";
    public const string MinimumSupportedAppVersion = "8.0.0";

    private const string DemoAddress = "上海市静安区南京西路1266号 恒隆广场12楼 1203室";
    private const string OtherAddress = "上海市徐汇区漕溪北路88号 3号楼501室";

    internal static IReadOnlyDictionary<string, string> Users { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [DemoUserId] = DemoUserPhone,
        [OtherUserId] = OtherUserPhone,
    };

    internal static IReadOnlyList<MerchantInfo> Merchants { get; } =
    [
        new("M1001", "老街麻辣烫(南京西路店)", "021-5555-0101"),
        new("M1002", "福满园黄焖鸡米饭", "021-5555-0102"),
        new("M1003", "川味小厨", "021-5555-0103"),
        new("M1004", "东北饺子馆", "021-5555-0104"),
        new("M1005", "潮汕牛肉粉", "021-5555-0105"),
        new("M1006", "湘味蒸菜馆", "021-5555-0106"),
        new("M1007", "粥小铺", "021-5555-0107"),
        new("M1008", "兰州拉面馆", "021-5555-0108"),
    ];

    internal static AppVersions AppVersions { get; } = new(
    [
        new AppPlatformVersion("ios", LatestAppVersion, MinimumSupportedAppVersion),
        new AppPlatformVersion("android", LatestAppVersion, MinimumSupportedAppVersion),
    ]);

    internal static IReadOnlyList<SandboxOrder> CreateOrders() =>
    [
        new SandboxOrder
        {
            OrderNumber = DeliveredOnTimeOrder,
            UserId = DemoUserId,
            UserPhone = DemoUserPhone,
            Merchant = Merchants[0],
            Items = [new("招牌麻辣烫", 1, 32.00m, "Signature spicy hot pot"), new("冰红茶", 1, 4.00m, "Iced black tea")],
            Timeline =
            [
                new(OrderStatus.Placed, Ago(170)),
                new(OrderStatus.Paid, Ago(169.5)),
                new(OrderStatus.Accepted, Ago(168)),
                new(OrderStatus.Preparing, Ago(167)),
                new(OrderStatus.PickedUp, Ago(140)),
                new(OrderStatus.Delivering, Ago(139)),
                new(OrderStatus.Delivered, Ago(122)),
            ],
            Rider = new SandboxRider("李师傅", "137****1357", Ago(122)),
            Eta = Ago(120),
            PaymentState = PaymentState.Paid,
            PaymentChannel = "wechat_pay",
            CustomerCharged = true,
            ChargedAt = Ago(169.5),
            Address = DemoAddress,
            MerchantReceived = true,
            MerchantStatus = OrderStatus.Delivered,
            MerchantUpdatedAt = Ago(122),
        },
        new SandboxOrder
        {
            // The platform auto-confirmed the order to "preparing", but it never reached the restaurant's system.
            OrderNumber = NotSyncedToMerchantOrder,
            UserId = DemoUserId,
            UserPhone = DemoUserPhone,
            Merchant = Merchants[1],
            Items = [new("黄焖鸡米饭(大份)", 1, 25.00m, "Braised chicken with rice (large)"), new("卤蛋", 1, 3.00m, "Marinated egg")],
            Timeline =
            [
                new(OrderStatus.Placed, Ago(47)),
                new(OrderStatus.Paid, Ago(46.5)),
                new(OrderStatus.Preparing, Ago(45)),
            ],
            Eta = Ago(12),
            PaymentState = PaymentState.Paid,
            PaymentChannel = "alipay",
            CustomerCharged = true,
            ChargedAt = Ago(46.5),
            Address = DemoAddress,
            MerchantReceived = false,
        },
        new SandboxOrder
        {
            OrderNumber = PaymentChannelErrorOrder,
            UserId = DemoUserId,
            UserPhone = DemoUserPhone,
            Merchant = Merchants[2],
            Items = [new("鱼香肉丝盖饭", 1, 24.00m, "Fish-fragrant shredded pork on rice"), new("酸梅汤", 1, 6.00m, "Sour plum drink")],
            Timeline = [new(OrderStatus.Placed, Ago(44))],
            PaymentState = PaymentState.Failed,
            PaymentChannel = "wechat_pay",
            PaymentFailureCode = PaymentFailureCodes.ChannelError,
            CustomerCharged = false,
            Address = DemoAddress,
        },
        new SandboxOrder
        {
            OrderNumber = ChargedButUnpaidOrder,
            UserId = DemoUserId,
            UserPhone = DemoUserPhone,
            Merchant = Merchants[3],
            Items = [new("猪肉白菜水饺(20只)", 1, 28.00m, "Pork and cabbage dumplings (20)"), new("酸辣汤", 1, 8.00m, "Hot and sour soup")],
            Timeline = [new(OrderStatus.Placed, Ago(42))],
            PaymentState = PaymentState.Unpaid,
            PaymentChannel = "alipay",
            CustomerCharged = true,
            ChargedAt = Ago(41.5),
            Address = DemoAddress,
        },
        new SandboxOrder
        {
            OrderNumber = CardLimitExceededOrder,
            UserId = DemoUserId,
            UserPhone = DemoUserPhone,
            Merchant = Merchants[4],
            Items = [new("牛肉丸粉", 1, 29.00m, "Beef ball rice noodles"), new("卤味拼盘", 1, 18.00m, "Braised meat platter")],
            Timeline = [new(OrderStatus.Placed, Ago(40))],
            PaymentState = PaymentState.Failed,
            PaymentChannel = "bank_card",
            PaymentFailureCode = PaymentFailureCodes.CardLimitExceeded,
            CustomerCharged = false,
            Address = DemoAddress,
        },
        new SandboxOrder
        {
            // Promised 35 minutes after ordering; slipped by the kitchen, then dispatch, then rain.
            OrderNumber = LateDeliveryOrder,
            UserId = DemoUserId,
            UserPhone = DemoUserPhone,
            Merchant = Merchants[5],
            Items = [new("剁椒鱼头", 1, 58.00m, "Fish head with chopped chili"), new("米饭", 2, 2.00m, "Steamed rice")],
            Timeline =
            [
                new(OrderStatus.Placed, Ago(38)),
                new(OrderStatus.Paid, Ago(37.5)),
                new(OrderStatus.Accepted, Ago(37)),
                new(OrderStatus.Preparing, Ago(36)),
                new(OrderStatus.PickedUp, Ago(20)),
                new(OrderStatus.Delivering, Ago(19)),
            ],
            Rider = new SandboxRider("王师傅", "137****2468", Ago(15)),
            Eta = FromNow(20),
            EtaHistory =
            [
                new(Ago(3), FromNow(5), Ago(32), "kitchen_slow"),
                new(FromNow(5), FromNow(12), Ago(22), "dispatch"),
                new(FromNow(12), FromNow(20), Ago(16), "weather"),
            ],
            PaymentState = PaymentState.Paid,
            PaymentChannel = "wechat_pay",
            CustomerCharged = true,
            ChargedAt = Ago(37.5),
            Address = DemoAddress,
            MerchantReceived = true,
            MerchantStatus = OrderStatus.PickedUp,
            MerchantUpdatedAt = Ago(20),
        },
        new SandboxOrder
        {
            OrderNumber = MerchantCancelledOrder,
            UserId = DemoUserId,
            UserPhone = DemoUserPhone,
            Merchant = Merchants[6],
            Items = [new("皮蛋瘦肉粥", 1, 16.00m, "Century egg and pork congee"), new("水晶虾饺", 1, 18.00m, "Crystal shrimp dumplings")],
            Timeline =
            [
                new(OrderStatus.Placed, Ago(32)),
                new(OrderStatus.Paid, Ago(31.5)),
                new(OrderStatus.Accepted, Ago(31)),
                new(OrderStatus.Preparing, Ago(28)),
            ],
            Eta = FromNow(3),
            PaymentState = PaymentState.Paid,
            PaymentChannel = "alipay",
            CustomerCharged = true,
            ChargedAt = Ago(31.5),
            Address = DemoAddress,
            MerchantReceived = true,
            MerchantStatus = OrderStatus.Cancelled,
            MerchantUpdatedAt = Ago(26),
        },
        new SandboxOrder
        {
            OrderNumber = OtherUserOrder,
            UserId = OtherUserId,
            UserPhone = OtherUserPhone,
            Merchant = Merchants[7],
            Items = [new("牛肉拉面", 1, 22.00m, "Beef hand-pulled noodles"), new("凉拌黄瓜", 1, 8.00m, "Smashed cucumber salad")],
            Timeline =
            [
                new(OrderStatus.Placed, Ago(25)),
                new(OrderStatus.Paid, Ago(24.5)),
                new(OrderStatus.Accepted, Ago(24)),
                new(OrderStatus.Preparing, Ago(23)),
                new(OrderStatus.PickedUp, Ago(10)),
                new(OrderStatus.Delivering, Ago(9)),
            ],
            Rider = new SandboxRider("赵师傅", "135****8642", Ago(1)),
            Eta = FromNow(8),
            PaymentState = PaymentState.Paid,
            PaymentChannel = "wechat_pay",
            CustomerCharged = true,
            ChargedAt = Ago(24.5),
            Address = OtherAddress,
            MerchantReceived = true,
            MerchantStatus = OrderStatus.PickedUp,
            MerchantUpdatedAt = Ago(10),
        },
    ];

    private static TimeSpan Ago(double minutes) => TimeSpan.FromMinutes(-minutes);

    private static TimeSpan FromNow(double minutes) => TimeSpan.FromMinutes(minutes);
}
