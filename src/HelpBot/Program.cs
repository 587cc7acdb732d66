using HelpBot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseHelpBotDefaultUrl();
builder.Services.AddHelpBot(builder.Configuration);

var app = builder.Build();
app.MapHelpBot();
app.Run();

/// <summary>The host's entry point, visible to end-to-end tests.</summary>
public partial class Program;
