global using Intents = HelpBot.Language.Model.IntentLabels;
