// The recognizer's intent labels are the labels the conversation routes on; one definition, one name in dialogs.
global using Intents = HelpBot.Language.Model.IntentLabels;
