using HelpBot.Language.Answers;

namespace HelpBot.Language.Tests.Answers;

/// <summary>Fixed-length digit answers (last 4 of a phone, 6-digit SMS code, 11-digit mobile) as customers type them.</summary>
public sealed class DigitAnswerReaderTests
{
    [Theory]
    [InlineData("9000", "9000")]
    [InlineData("9000！", "9000")]
    [InlineData("9000!", "9000")]
    [InlineData("后四位9000", "9000")]
    [InlineData("后4位是9000", "9000")]
    [InlineData("是9000", "9000")]
    [InlineData("尾号 9000", "9000")]
    [InlineData("尾号9000的", "9000")]
    [InlineData("手机尾号是9000啊", "9000")]
    [InlineData("９０００", "9000")]
    [InlineData("it's 8000", "8000")]
    [InlineData("last 4 are 8000", "8000")]
    [InlineData("last four digits: 8000", "8000")]
    [InlineData("ends in 8000", "8000")]
    [InlineData(" 8000 ", "8000")]
    [InlineData("9000，9000", "9000")]
    [InlineData("九零零零", "9000")]
    [InlineData("尾号幺三五七", "1357")]
    [InlineData("0012", "0012")]
    [InlineData("我手机尾号9000，订单号2611240000000002", "9000")]
    [InlineData("9 0 0 0", "9000")]
    [InlineData("9000吧", "9000")]
    [InlineData("嗯 9000", "9000")]
    [InlineData("9000 9000", "9000")]
    [InlineData("2611240000000002 9000", "9000")]
    public void Last_four_digits(string text, string expected) => Assert.Equal(expected, DigitAnswerReader.Read(text, 4));

    [Theory]
    [InlineData("9000 还是 8000")]
    [InlineData("9000 or 8000 not sure")]
    [InlineData("900")]
    [InlineData("90000")]
    [InlineData("2611240000000002")]
    [InlineData("订单号2611240000000002")]
    [InlineData("138 0013 8000")]
    [InlineData("2611 2400 0000 0002")]
    [InlineData("13800138000")]
    [InlineData("不记得了")]
    [InlineData("i don't know")]
    [InlineData("九千")]
    [InlineData("9000和8000")]
    [InlineData("尾号是9000不是8000")]
    [InlineData("三十一")]
    [InlineData("一万")]
    [InlineData("")]
    [InlineData(null)]
    public void Not_four_digits(string? text) => Assert.Null(DigitAnswerReader.Read(text, 4));

    [Theory]
    [InlineData("123456", "123456")]
    [InlineData("123456。", "123456")]
    [InlineData("验证码123456", "123456")]
    [InlineData("验证码是 123456", "123456")]
    [InlineData("123456 是验证码", "123456")]
    [InlineData("code is 123 456", "123456")]
    [InlineData("the code is 123-456", "123456")]
    [InlineData("１２３４５６", "123456")]
    [InlineData("收到了，048213", "048213")]
    [InlineData("my code: 654321 thanks", "654321")]
    [InlineData("验证码:123456", "123456")]
    [InlineData("1 2 3 4 5 6", "123456")]
    [InlineData("验证码123456 18:40收到的", "123456")]
    [InlineData("一二三四五六", "123456")]
    public void Six_digit_codes(string text, string expected) => Assert.Equal(expected, DigitAnswerReader.Read(text, 6));

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("123456 还是 654321")]
    [InlineData("2611240000000002")]
    [InlineData("还没收到验证码")]
    [InlineData("code didn't arrive")]
    [InlineData("12 34 56 78")]
    public void Not_six_digit_codes(string text) => Assert.Null(DigitAnswerReader.Read(text, 6));

    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("我的手机号13800138000", "13800138000")]
    [InlineData("手机 138 0013 8000", "13800138000")]
    [InlineData("138-0013-8000", "13800138000")]
    [InlineData("+86 13800138000", "13800138000")]
    [InlineData("+8613800138000", "13800138000")]
    [InlineData("+86 138 0013 8000", "13800138000")]
    [InlineData("0086 13800138000", "13800138000")]
    [InlineData("８６１３８００１３８０００", "13800138000")]
    [InlineData("my number is 13800138000.", "13800138000")]
    public void Mobile_numbers(string text, string expected) => Assert.Equal(expected, DigitAnswerReader.Read(text, 11));

    [Theory]
    [InlineData("1380013800")]
    [InlineData("138001380001")]
    [InlineData("2611240000000002")]
    [InlineData("13800138000 或者 13900139000")]
    [InlineData("+86 1380013800")]
    [InlineData("手机号忘了")]
    public void Not_mobile_numbers(string text) => Assert.Null(DigitAnswerReader.Read(text, 11));

    [Fact]
    public void A_length_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DigitAnswerReader.Read("1", 0));
}
