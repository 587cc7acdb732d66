using System.Globalization;
using HelpBot.Dialogs.Localization;
using HelpBot.Dialogs.Resources;
using HelpBot.Dialogs.Engine;
using Newtonsoft.Json;

namespace HelpBot.Dialogs.Tests.Runtime;

public sealed class DialogInstanceStateTests
{
    private sealed record Sample(string Name, List<int> Numbers);

    // What storage does between turns: the instance goes to JSON text and back.
    private static DialogInstance RoundTrip(DialogInstance instance) =>
        JsonConvert.DeserializeObject<DialogInstance>(JsonConvert.SerializeObject(instance))!;

    [Fact]
    public void Plain_values_read_back_the_same_before_and_after_storage()
    {
        var instance = new DialogInstance("d");
        instance.Set("step", 3);
        instance.Set("big", 5_000_000_000L);
        instance.Set("id", "HB261124123456");
        instance.Set("done", true);
        instance.Set<string>("none", null);

        foreach (var current in new[] { instance, RoundTrip(instance) })
        {
            Assert.Equal(3, current.Get<int>("step"));
            Assert.Equal(3L, current.Get<long>("step"));
            Assert.Equal(5_000_000_000L, current.Get<long>("big"));
            Assert.Equal("HB261124123456", current.Get<string>("id"));
            Assert.True(current.Get<bool>("done"));
            Assert.Null(current.Get<string>("none"));
            Assert.Equal(0, current.Get<int>("missing"));
        }
    }

    [Fact]
    public void Objects_are_copied_in_and_out()
    {
        var instance = new DialogInstance("d");
        var sample = new Sample("订单", [1, 2]);
        instance.Set("sample", sample);
        sample.Numbers.Add(3);

        var read = RoundTrip(instance).Get<Sample>("sample")!;
        Assert.Equal("订单", read.Name);
        Assert.Equal([1, 2], read.Numbers);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public void Wording_read_twice_is_the_resource_text(string culture)
    {
        var info = CultureInfo.GetCultureInfo(culture);
        var expected = Strings.ResourceManager.GetString(nameof(Strings.Welcome), info);
        Assert.Equal(expected, BotText.Get(info, nameof(Strings.Welcome)));
        Assert.Equal(expected, BotText.Get(info, nameof(Strings.Welcome)));
    }

    [Theory]
    [InlineData("  Yes! ", "yes")]
    [InlineData("ＯＫ。", "ok")]
    [InlineData("好的！", "好的")]
    public void Answers_are_normalised_with_and_without_non_ascii_text(string typed, string expected) =>
        Assert.Equal(expected, TextInput.NormalizeAnswer(typed));
}
