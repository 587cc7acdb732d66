using HelpBot.Language.Answers;
using HelpBot.Language.Model;
using HelpBot.Language.Tests.Support;

namespace HelpBot.Language.Tests.Answers;

/// <summary>Self-checks customers report before they are asked, in their own words.</summary>
public sealed class SelfCheckReportsTests
{
    [Theory]
    [InlineData("家里wifi好好的啊", true)]
    [InlineData("流量也是满格", true)]
    [InlineData("网速很正常 别的都能刷", true)]
    [InlineData("切到5g也一样付不了", true)]
    [InlineData("the internet is totally fine on my end", true)]
    [InlineData("my data works, youtube plays", true)]
    [InlineData("tried mobile data too, same thing", true)]
    [InlineData("网络有点卡", false)]
    [InlineData("信号不稳定", false)]
    [InlineData("wifi不是很稳", false)]
    [InlineData("my connection is kinda spotty today", false)]
    [InlineData("the wifi isn't great here", false)]
    [InlineData("完全没信号", false)]
    public void Network_reports(string text, bool fine) => Assert.Equal(fine, SelfCheckReports.Says(text, SelfCheck.Network));

    [Theory]
    [InlineData("软件已经更新过了", true)]
    [InlineData("昨天刚重装的app 也是最新版本", true)]
    [InlineData("i'm on the newest version", true)]
    [InlineData("app is already updated", true)]
    [InlineData("应用还没升级", false)]
    [InlineData("可能版本有点老", false)]
    [InlineData("my app is outdated i think", false)]
    public void App_version_reports(string text, bool fine) => Assert.Equal(fine, SelfCheckReports.Says(text, SelfCheck.AppVersion));

    [Theory]
    [InlineData("订单状态半天没更新")]
    [InlineData("配送信息一直没更新啊")]
    [InlineData("网页上可以付款吗")]
    [InlineData("哪个网站能查物流")]
    [InlineData("网络那边的问题吗")]
    [InlineData("is the network down on your side?")]
    [InlineData("the rider's location never updates")]
    [InlineData("没重启过")]
    [InlineData("haven't reinstalled it")]
    public void Not_a_fine_report(string text) =>
        Assert.DoesNotContain(SelfCheckReports.Read(text), r => r.IsFine);

    [Fact]
    public void Restart_and_payment_method_reports()
    {
        Assert.True(SelfCheckReports.Says("app关了再开还是不行", SelfCheck.AppRestart));
        Assert.True(SelfCheckReports.Says("already force closed it twice", SelfCheck.AppRestart));
        Assert.True(SelfCheckReports.Says("卡早就绑好了 余额充足", SelfCheck.PaymentMethod));
        Assert.Null(SelfCheckReports.Says("卡还没绑定", SelfCheck.PaymentMethod));
    }

    [Theory]
    [InlineData("信号满格 软件也是最新的 就是一直提示支付失败", IntentLabels.PaymentFailed)]
    [InlineData("wifi totally fine and the app is up to date but paying keeps erroring out", IntentLabels.PaymentFailed)]
    [InlineData("other apps are working, newest version, still can't check out", IntentLabels.PaymentFailed)]
    [InlineData("网速正常 app也重装了 还是付不出去", IntentLabels.PaymentFailed)]
    public void Fine_reports_do_not_vote_on_the_problem(string text, string intent) =>
        Assert.Equal(intent, SharedRecognizer.Instance.Recognize(text, null).Intent);
}
