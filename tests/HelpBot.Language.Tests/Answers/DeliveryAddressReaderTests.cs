using HelpBot.Language.Answers;

namespace HelpBot.Language.Tests.Answers;

/// <summary>A new address given inside the change request itself.</summary>
public sealed class DeliveryAddressReaderTests
{
    [Theory]
    [InlineData("地址帮我改成 静安区南京西路1266号 恒隆广场30楼", "静安区南京西路1266号 恒隆广场30楼")]
    [InlineData("这单改送到长宁区天山路8号3号楼吧", "长宁区天山路8号3号楼")]
    [InlineData("please change the address to 1 Hongqiao Road, Floor 5", "1 Hongqiao Road, Floor 5")]
    [InlineData("can you deliver it to Room 1502, Tower 2 instead", "Room 1502, Tower 2 instead")]
    public void Given(string text, string address) => Assert.Equal(address, DeliveryAddressReader.FromRequest(text));

    [Theory]
    [InlineData("地址写错了 要改一下")]
    [InlineData("改成明天中午送")]
    [InlineData("能改到八点送吗")]
    [InlineData("change the time to 8pm")]
    [InlineData("I need to change my address")]
    [InlineData("改到 2611240000000006 那单")]
    public void Not_given(string text) => Assert.Null(DeliveryAddressReader.FromRequest(text));
}
