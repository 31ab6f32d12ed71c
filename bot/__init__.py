"""deskcheck's adapters: the command line, Slack, Discord, the digest and their renderers."""
