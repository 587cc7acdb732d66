using HelpBot.Hosting;

// The content root is the app's own folder, so appsettings.json and wwwroot are found wherever the bot is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.UseHelpBotDefaultUrl();
builder.Services.AddHelpBot(builder.Configuration);

var app = builder.Build();
app.MapHelpBot();
app.Run();

/// <summary>The host's entry point, visible to end-to-end tests.</summary>
public partial class Program;
