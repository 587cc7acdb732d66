using HelpBot.Language.Answers;

namespace HelpBot.Language.Tests.Answers;

/// <summary>How customers point at one order of the list the bot showed.</summary>
public sealed class OrderReferenceReaderTests
{
    private static readonly ListedOrder[] Listed =
    [
        new("2611240000000007", "粥小铺", ["皮蛋瘦肉粥", "水晶虾饺"]),
        new("2611240000000002", "福满园黄焖鸡米饭", ["黄焖鸡米饭(大份)", "卤蛋"]),
        new("2611240000000006", "湘味蒸菜馆", ["剁椒鱼头", "米饭"]),
        new("2611240000000001", "老街麻辣烫(南京西路店)", ["招牌麻辣烫", "冰红茶"]),
    ];

    [Theory]
    [InlineData("#0006", 2)]
    [InlineData("尾号0006的", 2)]
    [InlineData("the one ending in 0006", 2)]
    [InlineData("0001那单", 3)]
    [InlineData("#0001", 3)]
    [InlineData("是0007", 0)]
    [InlineData("尾号是 0002 的那个", 1)]
    public void By_last_digits(string text, int index) => Assert.Equal(index, OrderReferenceReader.Read(text, Listed));

    [Theory]
    [InlineData("第二个", 1)]
    [InlineData("第2单", 1)]
    [InlineData("2", 1)]
    [InlineData("the second one", 1)]
    [InlineData("2nd", 1)]
    [InlineData("first one pls", 0)]
    [InlineData("最后一个", 3)]
    [InlineData("the last one", 3)]
    [InlineData("第三个吧", 2)]
    public void By_place_in_the_list(string text, int index) => Assert.Equal(index, OrderReferenceReader.Read(text, Listed));

    [Theory]
    [InlineData("黄焖鸡那单", 1)]
    [InlineData("麻辣烫那个", 3)]
    [InlineData("剁椒鱼头的", 2)]
    [InlineData("粥那个", 0)]
    [InlineData("就是那个虾饺的订单", 0)]
    public void By_restaurant_or_dish(string text, int index) => Assert.Equal(index, OrderReferenceReader.Read(text, Listed));

    [Theory]
    [InlineData("第九个")]
    [InlineData("9")]
    [InlineData("那单")]
    [InlineData("订单")]
    [InlineData("0000")]
    [InlineData("我的外卖呢")]
    [InlineData("hello")]
    [InlineData("")]
    public void Nothing_or_no_single_order(string text) => Assert.Null(OrderReferenceReader.Read(text, Listed));

    private static readonly ListedOrder[] ListedInEnglishToo =
    [
        new("2611240000000003", "川味小厨", ["鱼香肉丝盖饭、酸梅汤", "Fish-fragrant shredded pork on rice x1, Sour plum drink x1"]),
        new("2611240000000004", "东北饺子馆", ["猪肉白菜水饺(20只)、酸辣汤", "Pork and cabbage dumplings (20) x1, Hot and sour soup x1"]),
        new("2611240000000007", "粥小铺", ["皮蛋瘦肉粥、水晶虾饺", "Century egg and pork congee x1, Crystal shrimp dumplings x1"]),
    ];

    [Theory]
    [InlineData("the congee one", 2)]
    [InlineData("my sour plum drink order", 0)]
    [InlineData("pork and cabbage dumplings", 1)]
    [InlineData("the shredded pork", 0)]
    public void By_english_dish_words(string text, int index) => Assert.Equal(index, OrderReferenceReader.Read(text, ListedInEnglishToo));

    [Theory]
    [InlineData("the dumplings")]
    [InlineData("the pork one")]
    [InlineData("the one with the stuff")]
    public void English_words_that_fit_several_orders_or_none(string text) => Assert.Null(OrderReferenceReader.Read(text, ListedInEnglishToo));
}
