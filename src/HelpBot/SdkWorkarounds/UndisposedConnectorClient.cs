using Microsoft.Bot.Connector;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace HelpBot.SdkWorkarounds;

/// <summary>A shared connector client: the adapter disposes its client at the end of every turn; this one stays usable.</summary>
internal sealed class UndisposedConnectorClient(IConnectorClient inner) : IConnectorClient
{
    public Uri BaseUri
    {
        get => inner.BaseUri;
        set => throw new NotSupportedException("A shared connector client's address cannot be changed.");
    }

    public JsonSerializerSettings SerializationSettings => inner.SerializationSettings;

    public JsonSerializerSettings DeserializationSettings => inner.DeserializationSettings;

    public ServiceClientCredentials Credentials => inner.Credentials;

    public IAttachments Attachments => inner.Attachments;

    public IConversations Conversations => inner.Conversations;

    public void Dispose()
    {
        // Shared across turns: see ReusedConnectorsBotFrameworkAuthentication.
    }
}
