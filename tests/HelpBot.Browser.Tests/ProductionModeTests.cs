using System.Net;
using System.Text;

namespace HelpBot.Browser.Tests;

/// <summary>With an Azure Bot registration the demo page and its token endpoint do not exist (tokens come from the site's backend).</summary>
public sealed class ProductionModeTests(ProductionTestHost host) : IClassFixture<ProductionTestHost>
{
    [Fact]
    public async Task No_page_and_no_token_endpoint_in_production_mode()
    {
        using var page = await host.Http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);

        using var token = await host.Http.PostAsync(new Uri("/api/webchat/token", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
    }
}
