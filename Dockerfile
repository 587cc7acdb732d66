# syntax=docker/dockerfile:1
# HelpBot's container image, for hosts with a container engine:
#   docker build -t helpbot:1.0.0 .
# Without a daemon the SDK builds the same image (see src/HelpBot/HelpBot.csproj, "container image"):
#   dotnet publish src/HelpBot -c Release /t:PublishContainer -p:ContainerArchiveOutputPath=artifacts/helpbot.tar.gz
# The image runs as the non-root "app" user (UID 1654), listens on 8080, and writes nothing outside /tmp, so it runs
# with a read-only root file system (manifests/kubernetes mounts an emptyDir at /tmp).

# Build: the SDK, plus npm for the web chat bundle the build fetches (HelpBot.csproj, integrity-checked).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /source
# Restore first, from the project files only, so source edits do not invalidate the package layer.
COPY global.json NuGet.Config Directory.Build.props Directory.Packages.props ./
COPY build/ build/
COPY src/HelpBot/HelpBot.csproj src/HelpBot/
COPY src/HelpBot.AgentDesk/HelpBot.AgentDesk.csproj src/HelpBot.AgentDesk/
COPY src/HelpBot.Channels.DirectLine/HelpBot.Channels.DirectLine.csproj src/HelpBot.Channels.DirectLine/
COPY src/HelpBot.Dialogs/HelpBot.Dialogs.csproj src/HelpBot.Dialogs/
COPY src/HelpBot.Dialogs.Engine/HelpBot.Dialogs.Engine.csproj src/HelpBot.Dialogs.Engine/
COPY src/HelpBot.Language/HelpBot.Language.csproj src/HelpBot.Language/
COPY src/HelpBot.Platform/HelpBot.Platform.csproj src/HelpBot.Platform/
COPY src/HelpBot.Platform.Sandbox/HelpBot.Platform.Sandbox.csproj src/HelpBot.Platform.Sandbox/
COPY src/HelpBot.Storage.Redis/HelpBot.Storage.Redis.csproj src/HelpBot.Storage.Redis/
RUN dotnet restore src/HelpBot/HelpBot.csproj
COPY src/ src/
RUN dotnet publish src/HelpBot/HelpBot.csproj -c Release --no-restore -o /app -p:UseAppHost=false

# Run: the ASP.NET Core runtime only.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
# Owned by root and not writable by the app user: the app cannot change its own code or settings.
COPY --from=build --chown=0:0 /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_NOLOGO=1
EXPOSE 8080
USER 1654
ENTRYPOINT ["dotnet", "HelpBot.dll"]
